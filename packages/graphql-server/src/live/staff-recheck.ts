import { Repeater } from '@graphql-yoga/subscription';
import { actorId, type Actor, type CoreContext } from '@paht/core';
import { currentStaff } from '../auth/current-staff.js';
import { LiveCloseCode } from './connection-context.js';
import { unitOf } from './report-streams.js';

/** Why an open staff connection ends: a close code and its reason (Vietnamese, then English). */
export interface StaffGone {
  code: (typeof LiveCloseCode)[keyof typeof LiveCloseCode];
  reason: string;
}

/** How often an idle staff connection checks its account (token expiry, a deactivation in another process). */
export const STAFF_RECHECK_INTERVAL_MS = 60_000;

/**
 * The account behind an open staff connection, read again (through the
 * account cache of `current-staff.ts`, at most `STAFF_STATE_TTL_MS` old):
 * null while it still acts as it did at connection, else why the
 * connection must end — 4401 when the token expired or the account was
 * deactivated or removed, 4403 when its role or unit changed (reconnecting
 * gives the new account's view).
 */
export async function staffGone(core: CoreContext, token: string, tenantId: string, connectedAs: Actor): Promise<StaffGone | null> {
  const now = await currentStaff(core, token, tenantId);
  if (!now || actorId(now) !== actorId(connectedAs)) {
    return { code: LiveCloseCode.UNAUTHORIZED, reason: 'Tài khoản đã bị khóa hoặc phiên hết hạn / Account deactivated or token expired' };
  }
  if (now.role !== connectedAs.role || unitOf(now) !== unitOf(connectedAs)) {
    return { code: LiveCloseCode.FORBIDDEN, reason: 'Vai trò hoặc đơn vị đã thay đổi; hãy kết nối lại / Role or unit changed; reconnect' };
  }
  return null;
}

/**
 * `source`'s items, each pushed only after `admit()` says the connection
 * may still receive it; the first refusal ends the stream without the item.
 * Stopping the result stops the source at once, even while it waits.
 */
export function admittedEach<T>(source: AsyncIterable<T>, admit: () => Promise<boolean>): Repeater<T> {
  return new Repeater<T>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    void stop.then(() => iterator.return?.());
    for (let item = await iterator.next(); !item.done; item = await iterator.next()) {
      if (!(await admit())) break;
      await push(item.value);
    }
    stop();
  });
}
