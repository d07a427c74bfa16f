/** The languages every widget speaks; Vietnamese first. */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** `en` (or `en-GB`, `en-US`, …) gives English; anything else (missing, `vi`, unknown) gives Vietnamese. */
export const langOf = (lang: string | null | undefined): Lang => (/^en(-|$)/i.test(lang ?? '') ? 'en' : 'vi');

/** A partial table to lay over a widget's texts (the embedder's wording). */
export type MessageOverrides<T> = { [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : T[K] extends object ? Partial<T[K]> : T[K] };

/**
 * The table for `lang`, with the embedder's overrides laid over it: an
 * override is either one table for all languages, or one per language
 * (`{ vi: {...}, en: {...} }`). Nested tables (status names) merge by key.
 */
export function withOverrides<T extends object>(base: T, lang: Lang, overrides: unknown): T {
  if (!overrides || typeof overrides !== 'object') return base;
  const perLang = overrides as Partial<Record<Lang, unknown>>;
  const layer = (perLang.vi !== undefined || perLang.en !== undefined ? perLang[lang] : overrides) as Record<string, unknown> | undefined;
  if (!layer || typeof layer !== 'object') return base;
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(layer)) {
    if (!(key in base) || value === undefined) continue;
    const current = (base as Record<string, unknown>)[key];
    merged[key] =
      current && typeof current === 'object' && value && typeof value === 'object' ? { ...current, ...value } : value;
  }
  return merged as T;
}

/** An instant in Vietnam's time, in the language's usual form. */
export function formatInstant(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
}

/** A number with the language's grouping (`1.234` in Vietnamese, `1,234` in English). */
export function formatNumber(value: number, lang: Lang, fractionDigits = 0): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 }).format(value);
}

/** A share from 0 to 1 as a percentage (`92 %` / `92%`). */
export function formatShare(share: number | null | undefined, lang: Lang): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '–';
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
