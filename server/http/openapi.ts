import { toJSONSchema, type ZodMiniType } from 'zod/mini'
import { ROUTES, type RouteSpec } from '../../src/group-api/routes.ts'
import { errorSchema } from '../../src/group-api/schemas.ts'

type JsonSchema = Record<string, unknown>

const schemaOf = (schema: ZodMiniType, io: 'input' | 'output'): JsonSchema => {
  const json = { ...(toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema) }
  delete json.$schema
  return json
}

function parametersOf(schema: ZodMiniType | undefined, where: 'path' | 'query') {
  if (!schema) return []
  const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] }
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property,
  }))
}

const ERROR_STATUSES: Record<string, string> = {
  400: 'Invalid input: `path` names the field', 401: 'No session, or it ended', 403: 'Not allowed for this role, or the request did not come from the app',
  404: 'Not found in this practice', 409: 'Conflicts with the current state', 413: 'Body too large', 429: 'Too many requests',
}

function accessText(spec: RouteSpec): string {
  if (spec.access === 'public') return 'No session needed.'
  if (spec.access === 'pending') return 'Any session, including one waiting for its two-factor step.'
  if (spec.access === 'signed-in') return 'Any signed-in person.'
  return `Roles: ${spec.access.join(', ')}.`
}

/** OpenAPI 3.1 from the route table and its zod schemas: every route the server answers. */
export function buildOpenApi(): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const [name, spec] of Object.entries(ROUTES) as [string, RouteSpec][]) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}')
    const ok = spec.response
      ? { 200: { description: 'Success', content: { 'application/json': { schema: schemaOf(spec.response, 'output') } } } }
      : spec.produces
        ? { 200: { description: 'Success', content: { [spec.produces]: { schema: { type: 'string' } } } } }
        : name === 'openapi' ? { 200: { description: 'This document' } } : { 204: { description: 'Done' } }
    const errors = Object.fromEntries(Object.entries(ERROR_STATUSES).map(([status, description]) =>
      [status, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]))
    paths[path] ??= {}
    paths[path][spec.method.toLowerCase()] = {
      operationId: name,
      summary: spec.summary,
      description: `${accessText(spec)}${spec.patientData ? ' Every call is recorded in the practice\'s access log.' : ''}`,
      'x-access': spec.access,
      ...(spec.access === 'public' ? { security: [] } : {}),
      parameters: [...parametersOf(spec.params, 'path'), ...parametersOf(spec.query, 'query')],
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(spec.body, 'input') } } } } : {}),
      responses: { ...ok, ...errors },
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Injection Coding Worksheet group server', version: '1' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'icw_session', description: 'Set by sign-in; __Host-icw_session under HTTPS.' } },
      schemas: { Error: schemaOf(errorSchema, 'output') },
    },
    security: [{ session: [] }],
    paths,
  }
}
