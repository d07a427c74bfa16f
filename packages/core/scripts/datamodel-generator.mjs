#!/usr/bin/env node
// A Prisma generator that writes the schema's datamodel (DMMF) as JSON, so
// that test/integration/schema-drift.test.ts can compare the Prisma schema
// with the tables the SQL migrations create.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import gh from '@prisma/generator-helper';

gh.generatorHandler({
  onManifest: () => ({ prettyName: 'Datamodel JSON', defaultOutput: '../src/generated/datamodel.json' }),
  async onGenerate(options) {
    const out = options.generator.output?.value;
    if (!out) throw new Error('datamodel generator: no output path');
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(options.dmmf.datamodel, null, 2));
  },
});
