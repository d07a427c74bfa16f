import { can, Permission, SlaAlertKind as CoreSlaAlertKind, type Actor } from '@paht/core';
import { filter, pipe, type Repeater } from '@graphql-yoga/subscription';
import { builder } from '../builder.js';
import { SlaStageNameEnum } from '../schema/enums.js';
import { DateTime } from '../schema/scalars.js';
import type { SlaAlertMessage } from './sla-alert-bus.js';

export const SlaAlertKindEnum = builder.enumType('SlaAlertKind', {
  description: 'WARNING: the stage has used its policy’s warnRatio of the allowed time. BREACH: it has run past its deadline. BREACH_TWICE: it has used more than twice its allowed time.',
  values: Object.values(CoreSlaAlertKind),
});

/** An SLA alert: ids, stage and times only (fetch the report for details). */
export const SlaAlert = builder.objectRef<SlaAlertMessage>('SlaAlert').implement({
  description: 'A report’s running SLA stage reached its warning threshold, its deadline or twice its allowed time. Sent once per report, stage, round and kind.',
  fields: (t) => ({
    reportId: t.exposeID('reportId'),
    trackingCode: t.exposeString('trackingCode'),
    kind: t.field({ type: SlaAlertKindEnum, resolve: (a) => a.kind }),
    stage: t.field({ type: SlaStageNameEnum, resolve: (a) => a.stage }),
    round: t.exposeInt('round', { description: '1 for the stage’s first run; ACCEPT runs once per assignment, RESOLVE once per round (reopen).' }),
    unitId: t.exposeID('unitId', { nullable: true, description: 'The unit holding the report; null while the IOC has it.' }),
    categoryId: t.exposeID('categoryId', { nullable: true }),
    stageStartedAt: t.field({ type: DateTime, resolve: (a) => new Date(a.stageStartedAt) }),
    dueAt: t.field({ type: DateTime, resolve: (a) => new Date(a.dueAt) }),
    remainingMinutes: t.exposeFloat('remainingMinutes', { description: 'On the policy’s clock when detected; negative once breached.' }),
    detectedAt: t.field({ type: DateTime, resolve: (a) => new Date(a.detectedAt) }),
  }),
});

/**
 * The alerts `actor` may follow: all of the tenant's for staff who read
 * every report (IOC, tenant admin, leader); those of reports their unit
 * holds for unit staff; null for anyone else.
 */
export function slaAlertsFor(actor: Actor, alerts: Repeater<SlaAlertMessage>): Repeater<SlaAlertMessage> | null {
  if (can(actor, Permission.REPORT_READ_ALL)) return alerts;
  const unitId = 'unitId' in actor ? actor.unitId : null;
  if (!unitId) return null;
  return pipe(alerts, filter((a: SlaAlertMessage) => a.unitId === unitId));
}
