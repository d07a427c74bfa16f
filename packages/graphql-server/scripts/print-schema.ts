// `pnpm schema:update`: writes the API's SDL to packages/graphql-server/schema.graphql.
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { schema } from '../src/index.js';
import { SCHEMA_FILE, schemaSdl } from './schema-sdl.js';

await writeFile(SCHEMA_FILE, schemaSdl(schema));
console.log(`wrote ${relative(process.cwd(), SCHEMA_FILE)}`);
