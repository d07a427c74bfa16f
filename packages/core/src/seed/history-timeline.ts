import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { RejectionReason } from '../reports/report-commands.js';
import type { ReportEventType, ReportStatus } from '../reports/report-status.js';
import { addClockMinutes } from '../sla/clock-arithmetic.js';
import type { DemoSlaPolicy } from './demo-types.js';
import { EXTEND_REASONS, INFO_EXCHANGES, REJECTIONS, RETURN_REASONS } from './history-texts-services.js';
import type { SeededRandom } from './seeded-random.js';

export type GeneratedActorRole = 'CITIZEN' | 'IOC_OPERATOR' | 'UNIT_OFFICER' | 'UNIT_LEADER' | 'SYSTEM';

/** One entry of a generated timeline, in the shape of `report_events`. */
export interface GeneratedEvent {
  type: ReportEventType;
  toStatus: ReportStatus;
  at: Date;
  actorRole: GeneratedActorRole;
  reason?: string;
  /** ASSIGN: the unit assigned; RETURN: the unit that sends the report back. */
  unitCode?: string;
  extensionMinutes?: number;
  rating?: number;
  answer?: string;
  /** REJECT: why the IOC turns the report away. */
  rejection?: RejectionReason;
}

/** How a handled report should turn out; everything else is drawn at random. */
export interface HandlingPlan {
  submittedAt: Date;
  policy: DemoSlaPolicy;
  unitCode: string;
  /** Set when the report is first sent to the wrong unit, which returns it. */
  wrongUnitCode: string | null;
  onTime: boolean;
  answer: string;
  /** 1–5, or null when the citizen does not rate. */
  rating: number | null;
}

const MINUTE_MS = 60_000;
const officer = (rng: SeededRandom): GeneratedActorRole => (rng.chance(0.7) ? 'UNIT_OFFICER' : 'UNIT_LEADER');

/** A number in [lo, hi], more often near `lo` as `skew` grows. */
const skewed = (rng: SeededRandom, lo: number, hi: number, skew = 1): number =>
  Math.round(lo + (hi - lo) * rng.next() ** skew);

/**
 * SUBMIT → CLASSIFY → ASSIGN (→ RETURN → ASSIGN) → ACCEPT → START
 * (→ REQUEST_INFO → PROVIDE_INFO) (→ EXTEND) → RESOLVE → PUBLISH (→ RATE).
 *
 * The RESOLVE stage is built on the policy's clock from the ASSIGN the unit
 * accepts, exactly as `computeSla` measures it: offsets are clock minutes of
 * active time, the wait for the citizen is added on the side, extensions add
 * to the allowance. An on-time answer comes at least 60 clock minutes before
 * the deadline, an overdue one at least 60 after it.
 */
export function handlingTimeline(rng: SeededRandom, cal: WorkingCalendar, plan: HandlingPlan): GeneratedEvent[] {
  const { policy } = plan;
  const add = (start: Date, minutes: number): Date => addClockMinutes(policy.clock, cal, start, minutes);
  const events: GeneratedEvent[] = [{ type: 'SUBMIT', toStatus: 'SUBMITTED', at: plan.submittedAt, actorRole: 'CITIZEN' }];

  const classifiedAt = add(plan.submittedAt, skewed(rng, 5, Math.floor(policy.classifyMinutes * 0.9), 2));
  events.push({ type: 'CLASSIFY', toStatus: 'CLASSIFIED', at: classifiedAt, actorRole: 'IOC_OPERATOR' });
  let assignedAt = add(classifiedAt, rng.int(2, 45));
  if (plan.wrongUnitCode !== null) {
    events.push({ type: 'ASSIGN', toStatus: 'ASSIGNED', at: assignedAt, actorRole: 'IOC_OPERATOR', unitCode: plan.wrongUnitCode });
    const returnedAt = add(assignedAt, rng.int(30, Math.floor(policy.acceptMinutes * 0.8)));
    events.push({
      type: 'RETURN', toStatus: 'CLASSIFIED', at: returnedAt, actorRole: officer(rng),
      reason: rng.pick(RETURN_REASONS), unitCode: plan.wrongUnitCode,
    });
    assignedAt = add(returnedAt, rng.int(10, 120));
  }
  events.push({ type: 'ASSIGN', toStatus: 'ASSIGNED', at: assignedAt, actorRole: 'IOC_OPERATOR', unitCode: plan.unitCode });

  // Offsets in active clock minutes from the accepted ASSIGN.
  const lateAccept = !plan.onTime && rng.chance(0.25);
  const accept = lateAccept
    ? rng.int(policy.acceptMinutes + 30, Math.floor(policy.acceptMinutes * 1.5))
    : skewed(rng, 10, Math.floor(policy.acceptMinutes * 0.9), 1.5);
  const start = accept + rng.int(1, 90);
  let allowance = policy.resolveMinutes;
  const pause = policy.clock === 'WORKING' && rng.chance(0.08)
    ? { offset: start + rng.int(10, Math.floor(allowance * 0.4)), minutes: rng.int(120, 3 * 24 * 60), exchange: rng.pick(INFO_EXCHANGES) }
    : null;
  let extend: { offset: number; minutes: number } | null = null;
  if (rng.chance(0.12)) {
    let offset = rng.int(start + 1, Math.floor(policy.resolveMinutes * 0.85));
    if (pause && offset === pause.offset) offset += 1;
    extend = { offset, minutes: policy.clock === 'WORKING' ? rng.pick([3, 5]) * 450 : 24 * 60 };
    allowance += extend.minutes;
  }
  const requestedAt = pause ? add(assignedAt, pause.offset) : null;
  const providedAt = pause && requestedAt ? new Date(requestedAt.getTime() + pause.minutes * MINUTE_MS) : null;
  const timeAt = (offset: number): Date =>
    pause && providedAt && offset > pause.offset ? add(providedAt, offset - pause.offset) : add(assignedAt, offset);

  const last = Math.max(start, pause?.offset ?? 0, extend?.offset ?? 0);
  const resolve = plan.onTime
    ? skewed(rng, Math.min(last + 30, allowance - 60), allowance - 60, 0.8)
    : allowance + skewed(rng, 60, policy.clock === 'WORKING' ? Math.floor(policy.resolveMinutes * 0.8) : 2 * 24 * 60, 2);
  if (resolve <= last) throw new RangeError(`SLA policy ${policy.code} leaves no time to resolve a report`);

  const handling: Array<[number, GeneratedEvent]> = [
    [accept, { type: 'ACCEPT', toStatus: 'ACCEPTED', at: timeAt(accept), actorRole: officer(rng) }],
    [start, { type: 'START', toStatus: 'IN_PROGRESS', at: timeAt(start), actorRole: 'UNIT_OFFICER' }],
  ];
  if (pause && requestedAt && providedAt) {
    const [question, reply] = pause.exchange;
    handling.push([pause.offset, { type: 'REQUEST_INFO', toStatus: 'WAITING_FOR_CITIZEN', at: requestedAt, actorRole: 'UNIT_OFFICER', reason: question }]);
    handling.push([pause.offset + 0.5, { type: 'PROVIDE_INFO', toStatus: 'IN_PROGRESS', at: providedAt, actorRole: 'CITIZEN', reason: reply }]);
  }
  if (extend) {
    handling.push([extend.offset, {
      type: 'EXTEND', toStatus: 'IN_PROGRESS', at: timeAt(extend.offset), actorRole: 'UNIT_LEADER',
      reason: rng.pick(EXTEND_REASONS), extensionMinutes: extend.minutes,
    }]);
  }
  const resolvedAt = timeAt(resolve);
  handling.push([resolve, { type: 'RESOLVE', toStatus: 'RESOLVED', at: resolvedAt, actorRole: officer(rng), answer: plan.answer }]);
  events.push(...handling.sort((a, b) => a[0] - b[0]).map(([, e]) => e));

  const publishedAt = addClockMinutes('WORKING', cal, resolvedAt, rng.int(10, 240));
  events.push({ type: 'PUBLISH', toStatus: 'PUBLISHED', at: publishedAt, actorRole: 'IOC_OPERATOR' });
  if (plan.rating !== null) {
    const ratedAt = new Date(publishedAt.getTime() + skewed(rng, 20, 4 * 24 * 60, 2) * MINUTE_MS);
    events.push({ type: 'RATE', toStatus: 'CLOSED', at: ratedAt, actorRole: 'CITIZEN', rating: plan.rating });
  }
  return events;
}

/** SUBMIT → REJECT by the IOC within its classification time. */
export function rejectionTimeline(rng: SeededRandom, cal: WorkingCalendar, submittedAt: Date, policy: DemoSlaPolicy): GeneratedEvent[] {
  const [rejection, reason] = rng.pick(REJECTIONS);
  const rejectedAt = addClockMinutes(policy.clock, cal, submittedAt, skewed(rng, 5, Math.floor(policy.classifyMinutes * 0.8), 2));
  return [
    { type: 'SUBMIT', toStatus: 'SUBMITTED', at: submittedAt, actorRole: 'CITIZEN' },
    { type: 'REJECT', toStatus: 'REJECTED', at: rejectedAt, actorRole: 'IOC_OPERATOR', reason, rejection },
  ];
}

/**
 * The first events of a handled timeline, for a report still open: it stops
 * before RESOLVE, at a stage drawn with more weight on the later ones, and
 * never after `cutoff`.
 */
export function openPrefix(rng: SeededRandom, events: readonly GeneratedEvent[], cutoff: Date): GeneratedEvent[] {
  const resolveIndex = events.findIndex((e) => e.type === 'RESOLVE');
  const stops = Array.from({ length: resolveIndex }, (_, i) => i + 1);
  const length = rng.weighted(stops, (n) => n);
  return events.slice(0, length).filter((e) => e.at.getTime() <= cutoff.getTime());
}
