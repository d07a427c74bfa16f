import ICAL from 'ical.js';

/** A day an iCalendar feed names: a day off, or a make-up working day (its summary says so). */
export interface FeedDay {
  date: string;
  kind: 'HOLIDAY' | 'WORKING_DAY';
  name: string;
}

/** Summaries that mean a make-up working day rather than a day off. */
const MAKE_UP = /làm bù|lam bu|make-up|makeup|working day/i;
/** The longest event taken (a longer one is more likely a mistake than a holiday). */
const MAX_DAYS = 31;

/**
 * The days an iCalendar feed's events cover (ical.js 2): every local date
 * from each event's start up to its end (exclusive), in date order, one
 * entry a date (the first event naming it wins). Events with a time of day
 * count for their start date. Recurrence rules are not expanded: a feed of
 * holidays lists each year's days. Throws on text that is not iCalendar.
 */
export function feedDays(text: string): FeedDay[] {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const days = new Map<string, FeedDay>();
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const start = event.startDate;
    if (!start) continue;
    const name = (event.summary || '').trim().slice(0, 200) || '—';
    const kind = MAKE_UP.test(name) ? 'WORKING_DAY' : 'HOLIDAY';
    const day = start.clone();
    day.isDate = true;
    const end = event.endDate && start.isDate ? event.endDate : null;
    for (let i = 0; i < MAX_DAYS; i += 1) {
      const date = day.toString().slice(0, 10);
      if (!days.has(date)) days.set(date, { date, kind, name });
      day.addDuration(ICAL.Duration.fromSeconds(86_400));
      if (!end || day.compare(end) >= 0) break;
    }
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}
