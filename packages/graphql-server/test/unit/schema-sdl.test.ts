import { readFile } from 'node:fs/promises';
import SchemaBuilder from '@pothos/core';
import { describe, expect, it } from 'vitest';
import { schema } from '@paht/graphql-server';
import { API_REFERENCE_FILE, renderApiReference } from '../../scripts/api-reference.js';
import { graphql } from '../../scripts/graphql-js.js';
import { SCHEMA_FILE, schemaSdl } from '../../scripts/schema-sdl.js';

// Two files are generated from the schema and checked in, so a change of
// the API shows in review: the SDL and the API reference.

const checkedIn = (file: string) => readFile(file, 'utf8').catch(() => '');

describe('the checked-in schema.graphql', () => {
  it('is the SDL the server builds (run `pnpm schema:update` after changing the schema)', async () => {
    const sdl = await checkedIn(SCHEMA_FILE);
    if (sdl !== schemaSdl(schema)) {
      expect.fail('packages/graphql-server/schema.graphql is out of date: run `pnpm schema:update` and commit the result');
    }
    expect(sdl).toContain('type Query');
  });

  it('prints the same text for the same schema whatever the order types were declared in', () => {
    const a = graphql.buildSchema('type Query { b: B a: Int }\ntype B { y: Int x: Int }');
    const b = graphql.buildSchema('type B { x: Int y: Int }\ntype Query { a: Int b: B }');
    expect(schemaSdl(a)).toBe(schemaSdl(b));
    expect(schemaSdl(a)).toBe('type B {\n  x: Int\n  y: Int\n}\n\ntype Query {\n  a: Int\n  b: B\n}\n');
  });
});

describe('the checked-in docs/api/reference.md', () => {
  it('is what the generator writes for the server schema (run `pnpm docs:api` after changing the schema)', async () => {
    const reference = await checkedIn(API_REFERENCE_FILE);
    if (reference !== renderApiReference(schema)) {
      expect.fail('docs/api/reference.md is out of date: run `pnpm docs:api` and commit the result');
    }
    for (const name of Object.keys(schema.getQueryType()!.getFields())) expect(reference).toContain(`<a id="query-${name.toLowerCase()}"></a>`);
    for (const name of Object.keys(schema.getMutationType()!.getFields())) expect(reference).toContain(`<a id="mutation-${name.toLowerCase()}"></a>`);
  });

  it('lists operations with arguments, result union members, staff-only fields and enum values, linked to their types', () => {
    const builder = new SchemaBuilder({});
    const Color = builder.enumType('Color', { values: { RED: { description: 'Đỏ' }, BLUE: {} } });
    const Found = builder.objectRef<{ id: string }>('Found').implement({
      description: 'A thing.',
      fields: (t) => ({ id: t.exposeID('id'), secret: t.string({ extensions: { staffOnly: true }, description: 'Only staff | see it.', resolve: () => 's' }) }),
    });
    const Missing = builder.objectRef<{ message: string }>('Missing').implement({ fields: (t) => ({ message: t.exposeString('message') }) });
    const FindResult = builder.unionType('FindResult', { types: [Found, Missing] });
    builder.queryType({
      fields: (t) => ({
        find: t.field({
          type: FindResult,
          description: 'Finds a thing.',
          args: { id: t.arg.id({ required: true }), color: t.arg({ type: Color, defaultValue: 'RED' }) },
          resolve: () => ({ id: '1' }),
        }),
      }),
    });
    const md = renderApiReference(builder.toSchema());
    expect(md).toContain('- [Queries](#queries): [find](#query-find)');
    expect(md).toContain('```graphql\nfind(color: Color = RED, id: ID!): FindResult\n```');
    expect(md).toContain('| `color` | [Color](#type-color) | (default `RED`) |');
    expect(md).toContain('Returns [FindResult](#type-findresult), one of [Found](#type-found), [Missing](#type-missing).');
    expect(md).toContain('| `secret` | String | **Staff only.** Only staff \\| see it. |');
    expect(md).toContain('| `RED` | Đỏ |');
    expect(md).toContain('Returned by [find](#query-find).');
  });
});
