// The public contract of @paht/graphql-server.
export { buildApp, type BuildAppOptions } from './app.js';
export { schema } from './schema/index.js';
export type { GraphQLContext } from './context.js';
export { RequestErrorCode } from './context.js';
export { STAFF_TOKEN_TTL_SECONDS } from './auth/staff-token.js';
