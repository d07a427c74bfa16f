import type { CoreContext, StaffNotificationRecord } from '@paht/core';
import { createTenantBus, type TenantBus, type TenantBusOptions } from './tenant-bus.js';

/**
 * A new notice in a staff member's inbox, as it travels to the live
 * subscribers (JSON-safe: it may cross Redis). Identifiers only: the
 * subscription reads the notice again as its recipient before sending it,
 * so nothing here is ever shown as is.
 */
export interface StaffInboxMessage {
  tenantId: string;
  staffUserId: string;
  notificationId: string;
}

/** The staff-inbox bus: one channel per tenant (`staff-inbox:<tenantId>` in Redis), apart from report changes and SLA alerts. */
export type StaffInboxBus = TenantBus<StaffInboxMessage>;

export const createStaffInboxBus = (options: TenantBusOptions = {}): StaffInboxBus => createTenantBus<StaffInboxMessage>('staff-inbox', options);

// The bus of each running app, found from the core the resolvers hold (as live-registry.ts does).
const buses = new WeakMap<CoreContext, StaffInboxBus>();

export function registerStaffInboxBus(core: CoreContext, bus: StaffInboxBus): void {
  buses.set(core, bus);
}

export function staffInboxBusOf(core: CoreContext): StaffInboxBus {
  let bus = buses.get(core);
  if (!bus) {
    bus = createStaffInboxBus();
    buses.set(core, bus);
  }
  return bus;
}

/**
 * Delivers committed inbox rows (from `notifyStaff`, a transition or a
 * submission) to their recipients' live subscriptions. Call it after the
 * transaction that wrote them has committed. Best effort: a failure is
 * passed to `onError`, never thrown (the notices are stored; the inbox
 * query shows them).
 */
export function publishStaffNotifications(
  core: CoreContext,
  rows: readonly Pick<StaffNotificationRecord, 'id' | 'tenantId' | 'staffUserId'>[] | undefined,
  onError: (error: unknown) => void,
): void {
  if (!rows?.length) return;
  const bus = staffInboxBusOf(core);
  for (const row of rows) {
    try {
      bus.publish({ tenantId: row.tenantId, staffUserId: row.staffUserId, notificationId: row.id });
    } catch (error) {
      onError(error);
    }
  }
}
