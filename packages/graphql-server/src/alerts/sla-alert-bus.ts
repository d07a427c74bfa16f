import type { CoreContext, SlaAlert, SlaAlertKind, SlaStageName } from '@paht/core';
import { createTenantBus, type TenantBus, type TenantBusOptions } from '../live/tenant-bus.js';

/** An SLA alert as live subscribers receive it (JSON-safe: it may cross Redis). No reporter data. */
export interface SlaAlertMessage {
  tenantId: string;
  reportId: string;
  trackingCode: string;
  kind: SlaAlertKind;
  stage: SlaStageName;
  round: number;
  unitId: string | null;
  categoryId: string | null;
  /** ISO 8601 instants. */
  stageStartedAt: string;
  dueAt: string;
  detectedAt: string;
  remainingMinutes: number;
}

export const toMessage = (a: SlaAlert): SlaAlertMessage => ({
  tenantId: a.tenantId,
  reportId: a.reportId,
  trackingCode: a.trackingCode,
  kind: a.kind,
  stage: a.stage,
  round: a.round,
  unitId: a.unitId,
  categoryId: a.categoryId,
  stageStartedAt: a.stageStartedAt.toISOString(),
  dueAt: a.dueAt.toISOString(),
  detectedAt: a.detectedAt.toISOString(),
  remainingMinutes: a.remainingMinutes,
});

/** The SLA-alert bus: one channel per tenant (`sla-alert:<tenantId>` in Redis). */
export type SlaAlertBus = TenantBus<SlaAlertMessage>;

/**
 * Built like the report-change bus: in this process, or through Redis
 * pub/sub when `redisUrl` is set, on a channel of its own so that
 * report-change subscribers never see alerts.
 */
export const createSlaAlertBus = (options: TenantBusOptions = {}): SlaAlertBus => createTenantBus<SlaAlertMessage>('sla-alert', options);

// The bus of each running app, found from the core the resolvers hold (as live-registry.ts does).
const buses = new WeakMap<CoreContext, SlaAlertBus>();

export function registerSlaAlertBus(core: CoreContext, bus: SlaAlertBus): void {
  buses.set(core, bus);
}

export function slaAlertBusOf(core: CoreContext): SlaAlertBus {
  let bus = buses.get(core);
  if (!bus) {
    bus = createSlaAlertBus();
    buses.set(core, bus);
  }
  return bus;
}
