import type { Actor } from '@paht/core';
import type { GraphQLContext } from '../context.js';
import { requireStaff } from '../context.js';
import { callCore, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors/expected-errors.js';

// Shared by the tenant-admin schema files (admin-*.ts). Every admin field is
// staff-only: its resolver needs a signed-in staff member, and the core call
// checks the role (tenant admin, or leader for the audit log) before it
// reads or changes anything. Each change is audited by the core, in the same
// transaction as the change.

/** The expected failures of an admin mutation; a refusal changes nothing. */
export const ADMIN_ERRORS = [ForbiddenError, ValidationError, NotFoundError, ConflictError];

/** The expected failures of an admin query. */
export const ADMIN_QUERY_ERRORS = [ForbiddenError, ValidationError];

/** Marks a field as answering only to signed-in staff (see scripts/staff-only.ts). */
export const STAFF_ONLY = { staffOnly: true } as const;

/** Runs `fn` as the request's staff actor, core errors becoming the API's expected errors. */
export function asAdmin<T>(ctx: GraphQLContext, fn: (actor: Actor) => Promise<T>): Promise<T> {
  const actor = requireStaff(ctx);
  return callCore(() => fn(actor));
}
