import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { foldVietnamese } from '../reports/search-text.js';

/**
 * Report text as the text models see it: MiniSearch's Unicode tokenizer
 * (words split on spaces and punctuation), each word folded by
 * `foldVietnamese` (lower case, tone marks and đ removed), so "Đèn đường
 * hỏng" and "den duong hong" index and query alike. One-letter words and
 * digits-only tokens (house numbers) carry no topic and are dropped.
 * Scoring is MiniSearch's BM25+ (docs/classification.md).
 */
export function reportTextOptions<T>(storeFields: ReadonlyArray<keyof T & string>): Options<T> {
  return {
    idField: 'id',
    fields: ['text'],
    storeFields: [...storeFields],
    processTerm: (term) => {
      const folded = foldVietnamese(term);
      return folded.length < 2 || /^\d+$/.test(folded) ? null : folded;
    },
    searchOptions: { combineWith: 'OR' },
  };
}

/** The text of a report the models read: its title and description (not the address: places are not topics). */
export const reportText = (r: { title: string; description: string }): string => `${r.title}\n${r.description}`;

/** Texts this long and longer are cut before indexing or querying (a 5,000-character description is plenty). */
export const MAX_MODEL_TEXT = 6_000;

export const clipText = (text: string): string => text.replaceAll('\u0000', ' ').slice(0, MAX_MODEL_TEXT);

/**
 * How alike `text` is to each of `others`, from 0 (no shared word) to 1
 * (the same words): each candidate's BM25+ score against `text`, divided by
 * the score `text` gets against itself, in one small index of them all.
 */
export function textSimilarities(text: string, others: ReadonlyArray<{ id: string; text: string }>): Map<string, number> {
  const self = '\u0000self';
  const index = new MiniSearch<{ id: string; text: string }>(reportTextOptions([]));
  index.addAll([{ id: self, text: clipText(text) }, ...others.map((o) => ({ id: o.id, text: clipText(o.text) }))]);
  const results: SearchResult[] = index.search(clipText(text));
  const own = results.find((r) => r.id === self)?.score ?? 0;
  const out = new Map<string, number>(others.map((o) => [o.id, 0]));
  if (own <= 0) return out;
  for (const r of results) {
    if (r.id !== self) out.set(String(r.id), Math.min(1, r.score / own));
  }
  return out;
}
