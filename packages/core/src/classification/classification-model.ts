import MiniSearch from 'minisearch';
import { clipText, reportTextOptions } from './report-text-index.js';

/** A classified report of the tenant's history: its text and what the IOC decided. */
export interface ClassifiedExample {
  id: string;
  text: string;
  categoryId: string;
  /** The unit it was assigned to; null when it was classified but never assigned. */
  unitId: string | null;
}

/** One suggestion: a category and a unit (null when history names none), with the share of the evidence behind it. */
export interface ClassificationGuess {
  categoryId: string;
  unitId: string | null;
  /** 0..1: the pair's share of the nearest history's weighted votes. */
  confidence: number;
}

export interface ClassificationModel {
  readonly size: number;
  suggest(text: string, top?: number): ClassificationGuess[];
}

/** How many nearest classified reports vote. */
export const NEIGHBOURS = 25;
/** At most this many suggestions. */
export const MAX_SUGGESTIONS = 3;

type Stored = { id: string; text: string; categoryId: string; unitId: string | null };

/**
 * A nearest-neighbour text classifier over the tenant's own history: the
 * classified reports most alike to the new text by BM25+ (MiniSearch, words
 * folded without diacritics) vote for their category and unit, each with
 * its score; a (category, unit) pair's confidence is its share of the
 * votes. Pure: built from examples alone, so one tenant's model never sees
 * another's reports. An empty history suggests nothing.
 */
export function trainClassificationModel(examples: readonly ClassifiedExample[]): ClassificationModel {
  const index = new MiniSearch<Stored>(reportTextOptions<Stored>(['categoryId', 'unitId']));
  index.addAll(examples.map((e) => ({ id: e.id, text: clipText(e.text), categoryId: e.categoryId, unitId: e.unitId })));
  return {
    size: examples.length,
    suggest(text: string, top = MAX_SUGGESTIONS): ClassificationGuess[] {
      const hits = index.search(clipText(text)).slice(0, NEIGHBOURS);
      const votes = new Map<string, ClassificationGuess>();
      let total = 0;
      for (const hit of hits) {
        const categoryId = hit.categoryId as string;
        const unitId = (hit.unitId as string | null) ?? null;
        const key = `${categoryId}|${unitId ?? ''}`;
        const guess = votes.get(key) ?? { categoryId, unitId, confidence: 0 };
        guess.confidence += hit.score;
        votes.set(key, guess);
        total += hit.score;
      }
      if (total <= 0) return [];
      return [...votes.values()]
        .map((g) => ({ ...g, confidence: Math.round((g.confidence / total) * 1000) / 1000 }))
        .sort((a, b) => b.confidence - a.confidence || a.categoryId.localeCompare(b.categoryId) || (a.unitId ?? '').localeCompare(b.unitId ?? ''))
        .slice(0, Math.max(0, Math.min(top, MAX_SUGGESTIONS)));
    },
  };
}
