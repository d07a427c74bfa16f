import type { DocumentNode, GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';

/** Distinct subscription documents kept parsed and validated: an app's clients send a handful. */
export const LIVE_DOCUMENTS_MAX = 200;
/** Their text, in characters, kept at most (the parsed trees are a few times larger). */
export const LIVE_DOCUMENTS_MAX_CHARS = 1_000_000;

export type Checked = { document: DocumentNode } | { errors: readonly GraphQLError[] };

/**
 * Parses and validates each distinct subscription document once per
 * process: 10,000 citizens sending the same `reportStatus` document share
 * one parsed tree (graphql-js never changes a document it executes) and pay
 * for one validation. The validation rules see no variables, so the text
 * alone decides the outcome; refused documents are not kept.
 */
export function createDocumentCache(check: (query: string) => Checked): (query: string) => Checked {
  const valid = new LRUCache<string, DocumentNode>({ max: LIVE_DOCUMENTS_MAX, maxSize: LIVE_DOCUMENTS_MAX_CHARS, sizeCalculation: (_d, query) => Math.max(1, query.length) });
  return (query) => {
    const kept = valid.get(query);
    if (kept) return { document: kept };
    const checked = check(query);
    if ('document' in checked) valid.set(query, checked.document);
    return checked;
  };
}
