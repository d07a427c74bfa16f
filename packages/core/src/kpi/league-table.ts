import { percentile } from './report-figures.js';
import { IOC_HOLDER, StageEnd, type HolderStage } from './report-stages.js';

/** Units with fewer handled reports than this in the period are listed apart, unranked. */
export const DEFAULT_MIN_RANKED_REPORTS = 10;

/** A report's stages, as `reportStages` builds them. */
export interface StagedReport {
  reportId: string;
  stages: readonly HolderStage[];
}

export interface LeagueUnit {
  id: string;
  name: string;
  nameEn: string | null;
}

/** One holder's figures for the period (see docs/kpis.md, "Stages and rankings"). */
export interface LeagueRow {
  /** `IOC` or the unit id. */
  holder: string;
  unitId: string | null;
  name: string | null;
  nameEn: string | null;
  /** Reports in which the holder was credited with at least one stage. */
  reports: number;
  /** Of those, reports whose stages for this holder have all ended. */
  completed: number;
  /** Median working hours credited per completed report (all its stages for this holder added up). */
  medianHours: number | null;
  /** Reports with no late stage for this holder (completed, or still running within the allowance). */
  onTime: number;
  /** Reports with a late stage for this holder, still running ones included. */
  late: number;
  /** onTime / (onTime + late), completed and overdue-running reports only; null when none. */
  onTimeShare: number | null;
  /** Answers of this holder that the citizen reopened. */
  reopened: number;
  /** Reports this holder closed as "not fixed". */
  notFixed: number;
  /** Share of the counted reports on time AND neither reopened nor closed "not fixed": the ranking figure. */
  score: number | null;
  /** Assignments and forwards this holder made, and how many came back (wrong unit). */
  routed: number;
  bounced: number;
  /** bounced / routed; null when it routed nothing. */
  bounceRate: number | null;
  /** Assignments and forwards this unit received, and how many it returned. */
  received: number;
  returned: number;
  /** 1-based position among ranked rows; null when unranked (and for the IOC). */
  rank: number | null;
}

/** Median working hours of the stages at one depth of the forwarding chain. */
export interface HopRow {
  /** 0 the IOC, 1 the assigned unit, 2 a sub-unit, … */
  depth: number;
  stages: number;
  medianHours: number | null;
}

export interface LeagueTable {
  minReports: number;
  ranked: LeagueRow[];
  /** Units under the minimum, by name. */
  unranked: LeagueRow[];
  /** The IOC's row (routing time, bounce rate); null when out of the caller's scope. */
  ioc: LeagueRow | null;
  hops: HopRow[];
}

export interface LeagueOptions {
  minReports?: number;
  /** Only these units (a unit leader's subtree); the IOC row is then left out. Default: every holder. */
  units?: ReadonlySet<string> | null;
}

/** The median (PostgreSQL's `percentile_cont(0.5)`, as the report figures compute it); null for none. */
const median = (values: readonly number[]): number | null => percentile([...values].sort((a, b) => a - b), 0.5);

const hours = (minutes: number | null) => (minutes === null ? null : Math.round((minutes / 60) * 100) / 100);

interface Acc {
  reports: Set<string>;
  completedMinutes: number[];
  onTime: number;
  late: number;
  good: number;
  reopened: number;
  notFixed: number;
  routed: number;
  bounced: number;
  received: number;
  returned: number;
}

const emptyAcc = (): Acc => ({ reports: new Set(), completedMinutes: [], onTime: 0, late: 0, good: 0, reopened: 0, notFixed: 0, routed: 0, bounced: 0, received: 0, returned: 0 });

/**
 * League table of the holders credited in `reports`: per holder, per report,
 * the stages credited to it are added up; the ranking figure is `score`,
 * ties broken by the lower median, then more reports, then the name.
 */
export function leagueTable(reports: readonly StagedReport[], units: readonly LeagueUnit[], options: LeagueOptions = {}): LeagueTable {
  const minReports = options.minReports ?? DEFAULT_MIN_RANKED_REPORTS;
  const scope = options.units ?? null;
  const inScope = (holder: string) => (scope ? scope.has(holder) : true);
  const accs = new Map<string, Acc>();
  const acc = (holder: string) => accs.get(holder) ?? accs.set(holder, emptyAcc()).get(holder)!;
  const byDepth = new Map<number, number[]>();

  for (const { reportId, stages } of reports) {
    const perHolder = new Map<string, HolderStage[]>();
    let router = IOC_HOLDER;
    for (const [i, s] of stages.entries()) {
      if (s.endedAt && (!scope || (s.unitId !== null && scope.has(s.unitId)))) {
        const list = byDepth.get(s.depth) ?? [];
        list.push(s.workingMinutes);
        byDepth.set(s.depth, list);
      }
      perHolder.set(s.holder, [...(perHolder.get(s.holder) ?? []), s]);
      if (s.unitId !== null) {
        // A stage the unit received: by the IOC's assignment or a forward of the unit before it.
        const previous = stages[i - 1];
        const fromRouter = previous?.endedBy === StageEnd.ASSIGN || previous?.endedBy === StageEnd.FORWARD;
        if (fromRouter) {
          router = previous.endedBy === StageEnd.ASSIGN ? IOC_HOLDER : previous.unitId ?? IOC_HOLDER;
          acc(router).routed += 1;
          acc(s.unitId).received += 1;
          if (s.endedBy === StageEnd.RETURN) {
            acc(router).bounced += 1;
            acc(s.unitId).returned += 1;
          }
        }
      }
    }
    for (const [holder, list] of perHolder) {
      const a = acc(holder);
      a.reports.add(reportId);
      const running = list.some((s) => s.endedAt === null);
      const late = list.some((s) => s.late);
      const reopened = list.filter((s) => s.reopened).length;
      const notFixed = list.filter((s) => s.endedBy === StageEnd.NOT_FIXED).length;
      a.reopened += reopened;
      a.notFixed += notFixed;
      if (!running) a.completedMinutes.push(list.reduce((sum, s) => sum + s.workingMinutes, 0));
      if (late) a.late += 1;
      else if (!running) {
        a.onTime += 1;
        if (reopened === 0 && notFixed === 0) a.good += 1;
      }
    }
  }

  const name = new Map(units.map((u) => [u.id, u]));
  const rows: LeagueRow[] = [...accs.entries()]
    .filter(([holder]) => holder === IOC_HOLDER || inScope(holder))
    .map(([holder, a]) => {
      const counted = a.onTime + a.late;
      const unit = name.get(holder);
      return {
        holder,
        unitId: holder === IOC_HOLDER ? null : holder,
        name: unit?.name ?? null,
        nameEn: unit?.nameEn ?? null,
        reports: a.reports.size,
        completed: a.completedMinutes.length,
        medianHours: hours(median(a.completedMinutes)),
        onTime: a.onTime,
        late: a.late,
        onTimeShare: counted ? a.onTime / counted : null,
        reopened: a.reopened,
        notFixed: a.notFixed,
        score: counted ? a.good / counted : null,
        routed: a.routed,
        bounced: a.bounced,
        bounceRate: a.routed ? a.bounced / a.routed : null,
        received: a.received,
        returned: a.returned,
        rank: null,
      };
    });

  const ioc = scope ? null : rows.find((r) => r.holder === IOC_HOLDER) ?? null;
  const unitRows = rows.filter((r) => r.holder !== IOC_HOLDER);
  const byName = (x: LeagueRow, y: LeagueRow) => (x.name ?? x.holder).localeCompare(y.name ?? y.holder, 'vi');
  const ranked = unitRows
    .filter((r) => r.reports >= minReports && r.score !== null)
    .sort((x, y) => y.score! - x.score! || (x.medianHours ?? Infinity) - (y.medianHours ?? Infinity) || y.reports - x.reports || byName(x, y))
    .map((r, i) => ({ ...r, rank: i + 1 }));
  const rankedSet = new Set(ranked.map((r) => r.holder));
  const unranked = unitRows.filter((r) => !rankedSet.has(r.holder)).sort(byName);
  const hops = [...byDepth.entries()].sort(([x], [y]) => x - y).map(([depth, list]) => ({ depth, stages: list.length, medianHours: hours(median(list)) }));
  return { minReports, ranked, unranked, ioc, hops };
}
