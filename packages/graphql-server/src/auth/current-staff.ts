import { withTenant, type Actor, type CoreContext } from '@paht/core';
import { LRUCache } from 'lru-cache';
import { staffActor, verifyStaffToken } from './staff-token.js';

/** How long an account's state is trusted before it is read again: deactivation takes effect within this. */
export const STAFF_STATE_TTL_MS = 2_000;

interface StaffState {
  active: boolean;
  role: string;
  unitId: string | null;
  /** Signed in with a one-time password: the token only allows `changePassword`. */
  passwordChangeRequired: boolean;
}

// One cache per core (per database), so tests with several databases never
// share. It keeps the read itself, from the moment it starts: requests that
// arrive while it runs wait for it instead of each reading the account
// (under load every connection missed at once when an entry expired), and
// `forgetStaff` drops it, so the next request reads again.
const caches = new WeakMap<CoreContext, LRUCache<string, Promise<StaffState | null>>>();

async function stateOf(core: CoreContext, tenantId: string, userId: string): Promise<StaffState | null> {
  let cache = caches.get(core);
  if (!cache) {
    cache = new LRUCache({ max: 10_000, ttl: STAFF_STATE_TTL_MS });
    caches.set(core, cache);
  }
  const key = `${tenantId}:${userId}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const read = readState(core, tenantId, userId);
  cache.set(key, read);
  // A failed read (database away) is not kept: the next request tries again.
  read.catch(() => {
    if (cache.peek(key) === read) cache.delete(key);
  });
  return read;
}

/** The account's state, read under the tenant's row-level security; null when there is no such account. */
function readState(core: CoreContext, tenantId: string, userId: string): Promise<StaffState | null> {
  return withTenant(core.db, tenantId, (tx) =>
    tx.staffUser.findUnique({ where: { id: userId }, select: { active: true, role: true, unitId: true, passwordChangeRequired: true } }),
  );
}

/**
 * The staff member a password-issued token stands for, as the account is
 * now: null when the token is invalid, expired, for another tenant, or its
 * account was deactivated since sign-in. Role and unit come from the account
 * (a moved officer acts for the new unit at once), not from the token.
 */
export async function currentStaff(core: CoreContext, token: string, tenantId: string): Promise<Actor | null> {
  const session = await staffSession(core, token, tenantId);
  return session && !session.passwordChangeRequired ? session.actor : null;
}

/**
 * What a password-issued token stands for now, including an account that
 * must change its password first (`passwordChangeRequired`: its token only
 * allows `changePassword`, see `currentStaff`). Null as for `currentStaff`.
 */
export async function staffSession(
  core: CoreContext,
  token: string,
  tenantId: string,
): Promise<{ userId: string; actor: Actor | null; passwordChangeRequired: boolean } | null> {
  const claims = await verifyStaffToken(core.secretKey, token, core.now());
  if (!claims || claims.tenantId !== tenantId) return null;
  const state = await stateOf(core, tenantId, claims.userId);
  if (!state?.active) return null;
  const actor = staffActor({ ...claims, role: state.role as typeof claims.role, unitId: state.unitId });
  return { userId: claims.userId, actor, passwordChangeRequired: state.passwordChangeRequired };
}

type ForgetListener = (tenantId: string, userId: string) => void;
const forgetListeners = new WeakMap<CoreContext, Set<ForgetListener>>();

/**
 * Forgets what this process knows of an account, so a change made here
 * (deactivation, new role) applies to its next request, and tells the
 * listeners (open WebSocket connections check the account again at once).
 */
export function forgetStaff(core: CoreContext, tenantId: string, userId: string): void {
  caches.get(core)?.delete(`${tenantId}:${userId}`);
  for (const listener of forgetListeners.get(core) ?? []) listener(tenantId, userId);
}

/** Calls `listener` after each `forgetStaff` of this core; returns the function that stops it. */
export function onStaffForgotten(core: CoreContext, listener: ForgetListener): () => void {
  let listeners = forgetListeners.get(core);
  if (!listeners) {
    listeners = new Set();
    forgetListeners.set(core, listeners);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
