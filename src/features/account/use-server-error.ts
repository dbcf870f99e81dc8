import { useState } from 'react'
import { describeError } from '../../storage/group/index.ts'

/**
 * The server's answer to a form, kept for display: `run` clears the last message, awaits the
 * request and keeps its error message (shown as is: the server words it for people).
 */
export function useServerError() {
  const [message, setMessage] = useState<string | null>(null)
  const run = async <T,>(request: () => Promise<T>): Promise<T | undefined> => {
    setMessage(null)
    try {
      return await request()
    } catch (error) {
      setMessage(describeError(error))
      return undefined
    }
  }
  return { message, setMessage, run }
}
