/**
 * A GraphQL document that carries the types of its result and variables,
 * so `client.request(doc, vars)` is checked at compile time. At run time it
 * is the document's text.
 */
export type TypedDocument<TResult, TVariables = Record<string, never>> = string & {
  readonly __result?: TResult;
  readonly __variables?: TVariables;
};

/** Marks a document's text with its result and variable types. */
export const typedDocument = <TResult, TVariables = Record<string, never>>(source: string): TypedDocument<TResult, TVariables> =>
  source as TypedDocument<TResult, TVariables>;

export type ResultOf<D> = D extends TypedDocument<infer R, unknown> ? R : never;
export type VariablesOf<D> = D extends TypedDocument<unknown, infer V> ? V : never;
