import { createRequire } from 'node:module';

/**
 * graphql-js as Node itself resolves it: the copy Pothos builds the schema
 * with. graphql 16 has no exports map, so Node loads its CommonJS build
 * while vite (under vitest) picks the ESM one for a plain `import`; the two
 * are different modules, and each rejects the other's types ("from another
 * module or realm"). Scripts and the tests that reuse them take graphql
 * from here.
 */
export const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
