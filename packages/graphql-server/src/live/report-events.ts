import type { ReportEventType, ReportStatus } from '@paht/core';
import { createTenantBus, type TenantBus, type TenantBusOptions } from './tenant-bus.js';

/**
 * One change of a report, as live subscribers receive it. Identifiers and
 * states only: no reporter contact, no reasons or answers (subscribers read
 * those through the queries that check who may see them).
 */
export interface ReportChange {
  tenantId: string;
  reportId: string;
  trackingCode: string;
  /** The timeline event that made the change, and its position on the timeline. */
  type: ReportEventType;
  seq: number;
  /** The report's status and unit after the change. */
  status: ReportStatus;
  unitId: string | null;
  /** The unit that had the report before this change, when the change took it away (RETURN). */
  previousUnitId: string | null;
  /** ISO 8601: the payload crosses Redis as JSON, so no Date objects. */
  at: string;
}

/** The report-change bus: one channel per tenant. */
export type ReportEvents = TenantBus<ReportChange>;
export type ReportEventsOptions = TenantBusOptions;

/** A bus in this process by default, spanning processes through Redis when `redisUrl` is given. */
export const createReportEvents = (options: ReportEventsOptions = {}): ReportEvents => createTenantBus<ReportChange>('report', options);

/** The channel name a tenant's changes travel on in Redis (for operators and tests). */
export const redisChannelOf = (tenantId: string): string => `report:${tenantId}`;
