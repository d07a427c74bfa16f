// `pnpm sdk:generate`: regenerates src/generated/{types,public,staff}.ts and
// src/generated/error-codes.ts. Run it after changing src/operations/*/*.graphql,
// the schema (`pnpm schema:update`) or core's error codes.
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { renderOperations } from './codegen-config.js';
import { ERROR_CODES_FILE, renderErrorCodes } from './error-codes.js';

for (const { file, content } of await renderOperations()) {
  await writeFile(file, content);
  console.log(`wrote ${relative(process.cwd(), file)} (${content.length} characters)`);
}
const errorCodes = renderErrorCodes();
await writeFile(ERROR_CODES_FILE, errorCodes);
console.log(`wrote ${relative(process.cwd(), ERROR_CODES_FILE)} (${errorCodes.length} characters)`);
