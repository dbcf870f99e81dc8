export * from './schemas.ts'
export { ROUTES, type Access, type RouteName, type RouteSpec } from './routes.ts'
export * from './move-in-schemas.ts'
