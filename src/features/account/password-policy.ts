import { PASSWORD_MIN } from '../../group-api/index.ts'

/** The password rules in plain words (NIST SP 800-63B: length, a blocklist, nothing else). */
export function passwordPolicyText(): string {
  return `At least ${PASSWORD_MIN} characters. Common passwords, such as ones leaked in data breaches, are refused. There are no other rules: no required digits, capitals or symbols, and a long passphrase of ordinary words is fine.`
}
