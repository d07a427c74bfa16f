/**
 * A code written to be read out over the phone: groups of `size`
 * characters. Spaces and dashes are only separators (the citizen's secret
 * comes as `7KQ2-M9XD-4HB1-0WRE`), so they are dropped before grouping.
 */
export function groupForReading(code: string, size = 4): string[] {
  const clean = code.replace(/[\s-]/g, '');
  const groups: string[] = [];
  for (let i = 0; i < clean.length; i += size) groups.push(clean.slice(i, i + size));
  return groups;
}
