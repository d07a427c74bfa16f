import { fileURLToPath } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import { graphql } from './graphql-js.js';

/** The checked-in SDL: `packages/graphql-server/schema.graphql`. */
export const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

/** The schema as SDL, types and fields sorted, so a diff shows only real changes. */
export function schemaSdl(schema: GraphQLSchema): string {
  return `${graphql.printSchema(graphql.lexicographicSortSchema(schema))}\n`;
}
