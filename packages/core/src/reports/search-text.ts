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
