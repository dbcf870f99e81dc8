/**
 * The group server marks the index.html it serves with `<meta name="icw-group-server" content="1">`.
 * Without that mark this is the standalone app: no server, no sign-in, no request of its own.
 */
export const GROUP_SERVER_META = 'icw-group-server'

/** True when the page came from the group server (read from the page itself: no request). */
export function isGroupServerPage(doc: Document | undefined = globalThis.document): boolean {
  return doc?.querySelector(`meta[name="${GROUP_SERVER_META}"]`)?.getAttribute('content') === '1'
}
