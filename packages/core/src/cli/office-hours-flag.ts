/**
 * The `--office-hours` flag of `pnpm tenant:create`: JSON as stored
 * (`{"1": [["07:30", "11:30"]], …}`), or the short form
 * `1-5=07:30-11:30,13:30-17:00;6=07:30-11:30` (ISO weekdays 1 Monday … 7
 * Sunday, a range or a single day, then periods). Only the shape is read
 * here; the calendar's rules (times, order, overlaps) are the schema's.
 */
export function parseOfficeHours(text: string): Record<string, [string, string][]> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return JSON.parse(trimmed) as Record<string, [string, string][]>;
  const hours: Record<string, [string, string][]> = {};
  for (const part of trimmed.split(';').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([1-7])(?:-([1-7]))?=(.+)$/.exec(part);
    if (!match) throw new RangeError(`"${part}" is not like 1-5=07:30-11:30,13:30-17:00`);
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (to < from) throw new RangeError(`"${part}": the days run backwards`);
    const periods = match[3]!.split(',').map((period) => {
      const times = period.trim().split('-');
      if (times.length !== 2) throw new RangeError(`"${period}" is not a period like 07:30-11:30`);
      return [times[0]!.trim(), times[1]!.trim()] as [string, string];
    });
    for (let day = from; day <= to; day++) hours[String(day)] = periods;
  }
  return hours;
}
