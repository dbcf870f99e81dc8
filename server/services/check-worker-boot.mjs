// A worker thread's entry: TypeScript through tsx (as the server's own process runs), then the
// worker module named in workerData. The server runs from its sources, so this needs no build.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
