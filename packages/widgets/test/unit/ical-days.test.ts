import { describe, expect, it } from 'vitest';
import { feedDays } from '../../src/admin-console/ical-days.js';

const calendar = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Tinh Quang Tri//Lich nghi//VI', ...events, 'END:VCALENDAR', ''].join('\r\n');
const event = (uid: string, ...lines: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261101T000000Z', ...lines, 'END:VEVENT'].join('\r\n');

describe('the days of an iCalendar feed (ical.js)', () => {
  it('covers each all-day event from its start to the day before its end, make-up days by their summary', () => {
    const days = feedDays(
      calendar(
        event('tet', 'DTSTART;VALUE=DATE:20270215', 'DTEND;VALUE=DATE:20270218', 'SUMMARY:Nghỉ Tết Nguyên đán'),
        event('bu', 'DTSTART;VALUE=DATE:20270213', 'SUMMARY:Làm bù Tết'),
        event('timed', 'DTSTART:20270430T010000Z', 'DTEND:20270430T100000Z', 'SUMMARY:Giải phóng miền Nam'),
      ),
    );
    expect(days).toEqual([
      { date: '2027-02-13', kind: 'WORKING_DAY', name: 'Làm bù Tết' },
      { date: '2027-02-15', kind: 'HOLIDAY', name: 'Nghỉ Tết Nguyên đán' },
      { date: '2027-02-16', kind: 'HOLIDAY', name: 'Nghỉ Tết Nguyên đán' },
      { date: '2027-02-17', kind: 'HOLIDAY', name: 'Nghỉ Tết Nguyên đán' },
      { date: '2027-04-30', kind: 'HOLIDAY', name: 'Giải phóng miền Nam' },
    ]);
  });

  it('names each date once, caps a runaway event, and refuses what is not iCalendar', () => {
    const days = feedDays(
      calendar(
        event('a', 'DTSTART;VALUE=DATE:20270101', 'SUMMARY:Tết Dương lịch'),
        event('b', 'DTSTART;VALUE=DATE:20270101', 'SUMMARY:Trùng ngày'),
        event('long', 'DTSTART;VALUE=DATE:20270601', 'DTEND;VALUE=DATE:20280101', 'SUMMARY:Quá dài'),
      ),
    );
    expect(days.filter((d) => d.date === '2027-01-01')).toEqual([{ date: '2027-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch' }]);
    expect(days.filter((d) => d.name === 'Quá dài')).toHaveLength(31);
    expect(feedDays(calendar())).toEqual([]);
    expect(() => feedDays('không phải lịch')).toThrow();
  });
});
