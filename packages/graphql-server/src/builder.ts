import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import type { GraphQLContext } from './context.js';

const capitalize = (s: string) => `${s.slice(0, 1).toUpperCase()}${s.slice(1)}`;

/**
 * The schema builder (setup only; types live in `schema/`). Fields that can
 * fail in expected ways list their error classes; the errors plugin turns
 * them into result unions named `<Field>Result`, with the data object itself
 * as the success member (`directResult`), or `<Field>Success { data }` for lists.
 */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ErrorsPlugin],
  defaultFieldNullability: false,
  errors: {
    directResult: true,
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Result` },
    defaultResultOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Success` },
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
