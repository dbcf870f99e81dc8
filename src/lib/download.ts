/** Browser side of every export: save text as a file, with no server round trip. */

/** Object URLs are revoked after this delay: revoking at once can cancel the download in some browsers. */
const REVOKE_AFTER_MS = 10_000

/** Saves `text` as a download named `filename`. */
export function downloadText(filename: string, text: string, mime: string): void {
  downloadBlob(filename, new Blob([text], { type: mime }))
}

/** Saves a Blob (a file the app made or fetched) as a download named `filename`. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.hidden = true
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
  }
}
