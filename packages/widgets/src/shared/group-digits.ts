/**
 * A code written to be read out over the phone: groups of `size`
 * characters, every character kept (a secret may contain `-` or `_`).
 */
export function groupForReading(code: string, size = 4): string[] {
  const clean = code.replace(/\s/g, '');
  const groups: string[] = [];
  for (let i = 0; i < clean.length; i += size) groups.push(clean.slice(i, i + size));
  return groups;
}
