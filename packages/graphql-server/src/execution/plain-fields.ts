import type { GraphQLField, GraphQLSchema } from 'graphql';

/** What Pothos records on a field it built. */
interface PothosFieldExtensions {
  /** The parent's property an `expose…` field reads. */
  pothosExposedField?: string;
  /** Whether a plugin wrapped the field's resolver. */
  pothosResolveWrapped?: boolean;
}

/**
 * Takes the resolver off every field that only reads its parent's property
 * of the same name (Pothos's `t.expose…`, which gives each such field a
 * `(parent) => parent[name]` resolver), so the field runs as GraphQL's
 * default: graphql-jit then reads the property in its compiled code
 * instead of calling a function with a resolve info for each field of each
 * item (a page of 50 reports made ≈ 1,500 such calls), and graphql-js's
 * default resolver reads the same property. Fields a plugin wrapped, and
 * fields that expose a property of another name, keep their resolver.
 * Changes `schema` in place and returns it.
 */
export function withPlainExposedFields(schema: GraphQLSchema): GraphQLSchema {
  // By shape, not graphql-js's `isObjectType`: a test runner may load this
  // file with another copy of graphql-js than the one Pothos built with.
  for (const type of Object.values(schema.getTypeMap()) as Array<{ name: string; getFields?: () => Record<string, GraphQLField<unknown, unknown>> }>) {
    if (typeof type.getFields !== 'function' || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const { pothosExposedField, pothosResolveWrapped } = field.extensions as PothosFieldExtensions;
      if (pothosExposedField === field.name && !pothosResolveWrapped) field.resolve = undefined;
    }
  }
  return schema;
}
