// `pnpm docs:api`: writes the API reference, docs/api/reference.md, from the schema.
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { schema } from '../src/index.js';
import { API_REFERENCE_FILE, renderApiReference } from './api-reference.js';

await writeFile(API_REFERENCE_FILE, renderApiReference(schema));
console.log(`wrote ${relative(process.cwd(), API_REFERENCE_FILE)}`);
