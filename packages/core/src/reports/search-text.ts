/**
 * Folds Vietnamese text for search: lower case, tone marks and other
 * diacritics removed, đ → d. "Đường Hùng Vương" and "duong hung vuong" fold
 * to the same string.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The searchable text of a report. */
export function reportSearchText(report: { title: string; description: string; address?: string | null; trackingCode: string }): string {
  return foldVietnamese([report.trackingCode, report.title, report.description, report.address ?? ''].join(' '));
}

/**
 * A word as a literal inside a LIKE/ILIKE pattern (Prisma's `contains`,
 * `startsWith`, `endsWith`): `\`, `%` and `_` escaped with PostgreSQL's
 * default escape character, so "50%" finds "50%" and "_" finds an underscore.
 */
export function escapeLikePattern(word: string): string {
  return word.replace(/[\\%_]/g, '\\$&');
}
