import { create } from 'qrcode'

export const BACKUP_CODES_FILENAME = 'injection-coding-worksheet-backup-codes.txt'

/** The backup codes as a text file: who they are for, the rules, one code a line. */
export function backupCodesText(codes: readonly string[], account: string, practice: string | null): string {
  return [
    `Injection Coding Worksheet: backup codes for ${account}${practice ? ` (${practice})` : ''}`,
    'Each code signs you in once when you do not have your authenticator app. Keep this file somewhere safe.',
    '',
    ...codes,
    '',
  ].join('\n')
}

/** A base32 secret in groups of four, as authenticator apps show it. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ')
}

/** Modules of white border around the symbol, as the QR specification asks. */
const QUIET_ZONE = 4

/** The dark modules of `text`'s QR code as one SVG path, in module units. */
export function qrPath(text: string): { path: string; size: number } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  let path = ''
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) path += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`
    }
  }
  return { path, size: modules.size + 2 * QUIET_ZONE }
}
