import type { AuditEntry } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { isUuid } from '../ids.js';
import { isSupportedInstant } from '../calendar/supported-dates.js';

export interface AuditLogFilter {
  /** Exact actions (`unit.create`, `sla.breach`, …). */
  actions?: string[];
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  /** Entries at or after this instant. */
  from?: Date;
  /** Entries before this instant. */
  to?: Date;
}

export interface AuditLogPage {
  entries: AuditEntry[];
  hasNextPage: boolean;
  /** Pass as `after` for the next page; null on an empty page. */
  endCursor: string | null;
}

const encodeCursor = (e: { at: Date; id: string }) => Buffer.from(`${e.at.toISOString()}|${e.id}`).toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: bigint } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || !/^\d{1,19}$/.test(id) || !isSupportedInstant(date)) throw validationError([{ path: 'after', message: 'is not a cursor of this log' }]);
  return { at: date, id: BigInt(id) };
}

/**
 * The tenant's audit log, newest first, a page at a time: `first` entries
 * (1–100, default 20) after the cursor `after` (the previous page's
 * `endCursor`). Paging is keyed on (at, id), so entries written meanwhile
 * neither repeat nor shift a page. Tenant admins and leaders only.
 */
export async function queryAuditLog(
  ctx: CoreContext,
  tenantId: string,
  actor: Actor,
  options: { first?: number; after?: string | null; filter?: AuditLogFilter } = {},
): Promise<AuditLogPage> {
  if (actor.role !== 'TENANT_ADMIN' && actor.role !== 'LEADER') throw new DomainError(DomainErrorCode.FORBIDDEN, `Role ${actor.role} may not read the audit log`);
  const first = options.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > 100) throw validationError([{ path: 'first', message: 'must be from 1 to 100' }]);
  if (options.filter?.actorId !== undefined && !isUuid(options.filter.actorId)) throw validationError([{ path: 'filter.actorId', message: 'must be a UUID' }]);
  const after = options.after ? decodeCursor(options.after) : null;
  const f = options.filter ?? {};
  const rows = await withTenant(ctx.db, tenantId, (tx) =>
    tx.auditEntry.findMany({
      where: {
        AND: [
          f.actions?.length ? { action: { in: f.actions } } : {},
          f.subjectType ? { subjectType: f.subjectType } : {},
          f.subjectId ? { subjectId: f.subjectId } : {},
          f.actorId ? { actorId: f.actorId } : {},
          f.from ? { at: { gte: f.from } } : {},
          f.to ? { at: { lt: f.to } } : {},
          after ? { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] } : {},
        ],
      },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: first + 1,
    }),
  );
  const entries = rows.slice(0, first).map((r) => ({ ...r, id: r.id.toString(), data: (r.data ?? {}) as Record<string, unknown> }));
  const last = entries[entries.length - 1];
  return { entries, hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last) : null };
}
