export { ApiError, CLIENT_ERRORS, describeError } from './api-error.ts'
export { createFetchGroupClient, createGroupClient, prepareRequest, type FileDownload, type GroupClient, type RequestOptions, type RouteResponse } from './client.ts'
export { useGroupClient } from './context.ts'
export { GroupClientProvider } from './provider.tsx'
