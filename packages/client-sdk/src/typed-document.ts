import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

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
export const typedDocument = <TResult, TVariables = Record<string, never>>(source: string): TypedDocument<TResult, TVariables> => source;

/**
 * What `request` and `subscribe` take: a `typedDocument` string, a generated
 * document (a `TypedDocumentString` of src/generated), or any object whose
 * `toString()` is the document's text and that carries its types the
 * TypedDocumentNode way.
 */
export type AnyDocument<TResult, TVariables> = TypedDocument<TResult, TVariables> | (DocumentTypeDecoration<TResult, TVariables> & { toString(): string });

export type ResultOf<D> =
  D extends TypedDocument<infer R, unknown> ? R : D extends DocumentTypeDecoration<infer R, infer _V> ? R : never;
export type VariablesOf<D> =
  D extends TypedDocument<unknown, infer V> ? V : D extends DocumentTypeDecoration<infer _R, infer V> ? V : never;

/** The document's text. */
export const documentText = (document: { toString(): string } | string): string => (typeof document === 'string' ? document : document.toString());
