// `pnpm sdk:generate`: regenerates src/generated/operations.ts. Run it after
// changing src/operations/*.graphql or the schema (`pnpm schema:update`).
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { renderOperations } from './codegen-config.js';

const { file, content } = await renderOperations();
await writeFile(file, content);
console.log(`wrote ${relative(process.cwd(), file)} (${content.length} characters)`);
