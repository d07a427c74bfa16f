/** "HH:mm" local wall-clock time. */
export type ClockTime = `${number}:${number}`;

/** Working periods of one day, in local time, sorted and not overlapping. */
export type DayHours = ReadonlyArray<readonly [start: string, end: string]>;

/**
 * Working hours by ISO weekday (1 = Monday … 7 = Sunday). A weekday that is
 * missing or empty is a day off.
 */
export type WeeklyHours = Readonly<Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', DayHours>>>;

/** A tenant's change to the national calendar. */
export interface CalendarOverride {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  /** HOLIDAY: a day off (e.g. a decreed substitute day). WORKING_DAY: a make-up working day, or a holiday taken back. */
  kind: 'HOLIDAY' | 'WORKING_DAY';
  name: string;
}

/**
 * Everything the working-time arithmetic needs, resolved to plain data so the
 * functions that use it stay pure.
 */
export interface WorkingCalendar {
  /** IANA time zone, e.g. `Asia/Ho_Chi_Minh`. */
  timezone: string;
  weeklyHours: WeeklyHours;
  /** Hours worked on a make-up working day (defaults to Monday's hours). */
  makeUpDayHours: DayHours;
  /** Local dates (`YYYY-MM-DD`) that are days off although their weekday is worked. */
  holidays: ReadonlyMap<string, string>;
  /** Local dates (`YYYY-MM-DD`) that are worked although their weekday is off or they are holidays. */
  workingDays: ReadonlyMap<string, string>;
}

/** The Vietnamese civil service week: Monday to Friday, 07:30–11:30 and 13:30–17:00. */
export const VIETNAM_OFFICE_HOURS: WeeklyHours = {
  '1': [['07:30', '11:30'], ['13:30', '17:00']],
  '2': [['07:30', '11:30'], ['13:30', '17:00']],
  '3': [['07:30', '11:30'], ['13:30', '17:00']],
  '4': [['07:30', '11:30'], ['13:30', '17:00']],
  '5': [['07:30', '11:30'], ['13:30', '17:00']],
};
