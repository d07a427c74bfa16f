import { recordAudit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import type { CoreContext } from '../context.js';
import type { TenantTx } from '../db/with-tenant.js';
import { ErrorCode } from '../error-codes.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { hasNul } from '../input/untrusted-input.js';
import { renameFormulaCodes } from '../indicators/indicator-formula.js';

/**
 * The tenant-owned tables whose rows a merge moves, ids kept. A table with a
 * `tenant_id` column must be in this list or in `KEPT_TABLES`
 * (tenant-merge.test.ts checks it against the database).
 */
export const MOVED_TABLES = [
  'units',
  'focal_points',
  'sla_policies',
  'categories',
  'staff_users',
  'reports',
  'reporter_contacts',
  'report_events',
  'attachments',
  'report_supporters',
  'notification_outbox',
  'staff_notifications',
  'audit_entries',
  'indicators',
  'indicator_values',
  'indicator_value_revisions',
  'indicator_forms',
  'indicator_form_versions',
  'indicator_form_items',
  'indicator_form_submissions',
  'indicator_form_reminders',
  'indicator_form_drafts',
  'indicator_unit_targets',
] as const;

/**
 * Rows that stay with the former tenant: its calendar changes (the merged
 * tenant's calendar governs from now on; deadlines already computed are
 * stored on the reports) and its API keys, which the merge revokes (they
 * were issued for the former tenant's sites and integrations).
 */
export const KEPT_TABLES = ['calendar_days', 'api_keys'] as const;

/**
 * Derived from the reports (migrations 0018, 0022 and 0025, docs/kpis.md): not moved row by
 * row but rebuilt for both tenants at the end of the merge.
 */
export const REBUILT_TABLES = ['kpi_report_facts', 'kpi_daily_rollups', 'kpi_monthly_handling', 'kpi_daily_handling'] as const;

/** One row renamed because its code (or e-mail) was taken in the merged tenant. */
export interface MergeRename {
  table: 'units' | 'categories' | 'sla_policies' | 'indicators' | 'indicator_forms' | 'staff_users';
  id: string;
  from: string;
  to: string;
}

export interface TenantMergeResult {
  from: { id: string; slug: string };
  into: { id: string; slug: string };
  mergedAt: Date;
  /** Rows moved per table. */
  moved: Record<(typeof MOVED_TABLES)[number], number>;
  /** API keys of the former tenant revoked by the merge. */
  revokedApiKeys: number;
  /** Codes and e-mails suffixed with the former tenant's slug, because the merged tenant had them already. */
  renamed: MergeRename[];
}

/** Who merged, for the audit log: the CLI on the server, or a call of the operator API. */
export type TenantMerger = 'cli' | 'operator-api';

/**
 * A merge refused because a tenant it names was merged already (running a
 * merge twice, or merging into a merged tenant). `code` is the registry's
 * TENANT_MERGED; `mergedInto` names the tenant it went to. Nothing changed.
 */
export class TenantMergedError extends Error {
  override readonly name = 'TenantMergedError';
  readonly code = ErrorCode.TENANT_MERGED;
  constructor(
    readonly slug: string,
    readonly mergedInto: string,
    readonly mergedAt: Date,
  ) {
    super(`Tenant ${slug} was merged into ${mergedInto} on ${mergedAt.toISOString()}; nothing changed`);
  }
}

interface TenantRow {
  id: string;
  slug: string;
  merged_into_id: string | null;
  merged_at: Date | null;
}

/**
 * How a clashing value is renamed: `code` (`HC` → `HC-quang-tri`), `symbol`
 * for codes that must stay `^[A-Z][A-Z0-9_]{0,49}$` because formulas name
 * them (`THU_NSNN` → `THU_NSNN_QUANG_TRI`), `email` in its local part.
 */
export type RenameFormat = 'code' | 'symbol' | 'email';

/** Codes unique per tenant: the column and how a clash is renamed. */
const UNIQUE_CODES: { table: MergeRename['table']; column: 'code' | 'email'; format: RenameFormat }[] = [
  { table: 'units', column: 'code', format: 'code' },
  { table: 'categories', column: 'code', format: 'code' },
  { table: 'sla_policies', column: 'code', format: 'code' },
  { table: 'indicators', column: 'code', format: 'symbol' },
  { table: 'indicator_forms', column: 'code', format: 'symbol' },
  { table: 'staff_users', column: 'email', format: 'email' },
];

/** Longest indicator or form code (the `symbol` format's pattern). */
const MAX_SYMBOL_LENGTH = 50;

/**
 * A code suffixed with the former tenant's slug (`HC` → `HC-quang-tri`; a
 * symbol as `THU_NSNN_QUANG_TRI`, cut to stay within 50 characters; an
 * e-mail in its local part, `a@x.vn` → `a+quang-tri@x.vn`), then numbered
 * (`-2`, `-3`, …) if that is taken too. Deterministic: the same data gives
 * the same names.
 */
export function renamedCode(value: string, format: RenameFormat, slug: string, taken: ReadonlySet<string>, n = 1): string {
  const tail = n === 1 ? slug : `${slug}-${n}`;
  let candidate: string;
  if (format === 'email') {
    const at = value.lastIndexOf('@');
    candidate = at < 0 ? `${value}+${tail}` : `${value.slice(0, at)}+${tail}${value.slice(at)}`;
  } else if (format === 'symbol') {
    const suffix = `_${tail.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
    candidate = `${value.slice(0, Math.max(1, MAX_SYMBOL_LENGTH - suffix.length))}${suffix}`;
  } else {
    candidate = `${value}-${tail}`;
  }
  return taken.has(candidate.toLowerCase()) ? renamedCode(value, format, slug, taken, n + 1) : candidate;
}

async function lockTenant(tx: TenantTx, slug: string, path: string): Promise<TenantRow> {
  const [row] = await tx.$queryRawUnsafe<TenantRow[]>(`SELECT id::text AS id, slug, merged_into_id::text AS merged_into_id, merged_at FROM tenants WHERE slug = $1 FOR UPDATE`, slug);
  if (!row) throw new DomainError(DomainErrorCode.NOT_FOUND, `Unknown tenant ${slug}`, { fields: [{ path, message: 'no tenant has this slug' }] });
  return row;
}

async function refuseMerged(tx: TenantTx, row: TenantRow): Promise<void> {
  if (!row.merged_into_id) return;
  const [into] = await tx.$queryRawUnsafe<{ slug: string }[]>(`SELECT slug FROM tenants WHERE id = $1::uuid`, row.merged_into_id);
  throw new TenantMergedError(row.slug, into?.slug ?? row.merged_into_id, row.merged_at ?? new Date(0));
}

async function resolveClashes(tx: TenantTx, from: TenantRow, into: TenantRow): Promise<MergeRename[]> {
  const renamed: MergeRename[] = [];
  for (const { table, column, format } of UNIQUE_CODES) {
    const rows = await tx.$queryRawUnsafe<{ id: string; value: string; tenant: string }[]>(
      `SELECT id::text AS id, ${column} AS value, tenant_id::text AS tenant FROM ${table} WHERE tenant_id IN ($1::uuid, $2::uuid) ORDER BY ${column}, id`,
      from.id,
      into.id,
    );
    const taken = new Set(rows.map((r) => r.value.toLowerCase()));
    const intoValues = new Set(rows.filter((r) => r.tenant === into.id).map((r) => r.value.toLowerCase()));
    for (const row of rows) {
      if (row.tenant !== from.id || !intoValues.has(row.value.toLowerCase())) continue;
      const to = renamedCode(row.value, format, from.slug, taken);
      taken.add(to.toLowerCase());
      await tx.$executeRawUnsafe(`UPDATE ${table} SET ${column} = $1 WHERE id = $2::uuid`, to, row.id);
      renamed.push({ table, id: row.id, from: row.value, to });
    }
  }
  await renameFormulaReferences(tx, from, renamed);
  return renamed;
}

/** The former tenant's formulas name its indicators by code: they follow the renames, or they would read the merged tenant's namesakes. */
async function renameFormulaReferences(tx: TenantTx, from: TenantRow, renamed: readonly MergeRename[]): Promise<void> {
  const codes = new Map(renamed.filter((r) => r.table === 'indicators').map((r) => [r.from, r.to]));
  if (codes.size === 0) return;
  const formulas = await tx.$queryRawUnsafe<{ id: string; formula: string }[]>(
    `SELECT id::text AS id, formula FROM indicators WHERE tenant_id = $1::uuid AND formula IS NOT NULL ORDER BY id`,
    from.id,
  );
  for (const { id, formula } of formulas) {
    const rewritten = renameFormulaCodes(formula, codes);
    if (rewritten !== formula) await tx.$executeRawUnsafe(`UPDATE indicators SET formula = $1 WHERE id = $2::uuid`, rewritten, id);
  }
}

/**
 * An instance operator's task (docs/tenant-merge.md): merges the tenant
 * `fromSlug` into `intoSlug` in one transaction, as the database owner.
 * Units, focal points, SLA policies, categories, staff, reports and their
 * history (contacts, events, attachments, supporters, notifications), the
 * audit log and indicators move with their ids; moved reports remember
 * their former tenant (`former_tenant_id`) and keep their tracking codes,
 * which are unique across tenants, so a former code still tracks. Codes and
 * e-mails the merged tenant has already are suffixed with the former slug
 * (reported in `renamed`). The former tenant's API keys are revoked, its
 * calendar changes stay with it, and it is marked merged: its slug then
 * leads to the merged tenant (`findTenantBySlug`). Audited in both logs as
 * `tenant.merge`. Refused with nothing changed: an unknown slug (NOT_FOUND),
 * the same tenant twice (VALIDATION), a tenant merged already
 * (`TenantMergedError`, TENANT_MERGED).
 */
export async function mergeTenants(ctx: CoreContext, input: { from: string; into: string }, by: TenantMerger): Promise<TenantMergeResult> {
  const fromSlug = input.from.trim();
  const intoSlug = input.into.trim();
  const issues = [
    ...(!fromSlug || hasNul(fromSlug) ? [{ path: 'from', message: 'required: the slug of the tenant merged away' }] : []),
    ...(!intoSlug || hasNul(intoSlug) ? [{ path: 'into', message: 'required: the slug of the tenant that remains' }] : []),
  ];
  if (issues.length === 0 && fromSlug === intoSlug) issues.push({ path: 'into', message: 'must name another tenant than from' });
  if (issues.length > 0) throw validationError(issues);
  const now = ctx.now();
  const actor: Actor = { role: 'SYSTEM', name: by };
  return ctx.db.prisma.$transaction(
    async (tx) => {
      // Opens the owner's tenant_merge policies and the logs' tenant_id-only update, for this transaction only.
      await tx.$executeRawUnsafe(`SELECT set_config('app.tenant_merge', 'on', true)`);
      // The KPI rollup triggers stand aside; both tenants' rollups are rebuilt once the rows have moved.
      await tx.$executeRawUnsafe(`SELECT set_config('app.kpi_rollups', 'deferred', true)`);
      // Locked in a fixed order, so two merges of the same tenants cannot deadlock.
      const [first, second] = [fromSlug, intoSlug].sort();
      const locked = new Map<string, TenantRow>();
      for (const slug of [first!, second!]) locked.set(slug, await lockTenant(tx, slug, slug === fromSlug ? 'from' : 'into'));
      const from = locked.get(fromSlug)!;
      const into = locked.get(intoSlug)!;
      await refuseMerged(tx, from);
      await refuseMerged(tx, into);

      const renamed = await resolveClashes(tx, from, into);
      const moved = {} as TenantMergeResult['moved'];
      for (const table of MOVED_TABLES) {
        const extra = table === 'reports' ? ', former_tenant_id = COALESCE(former_tenant_id, $1::uuid)' : '';
        moved[table] = await tx.$executeRawUnsafe(`UPDATE ${table} SET tenant_id = $2::uuid${extra} WHERE tenant_id = $1::uuid`, from.id, into.id);
      }
      await tx.$executeRawUnsafe(`SELECT kpi_rebuild($1::uuid), kpi_rebuild($2::uuid)`, into.id, from.id);
      const revokedApiKeys = await tx.$executeRawUnsafe(`UPDATE api_keys SET revoked_at = $2 WHERE tenant_id = $1::uuid AND revoked_at IS NULL`, from.id, now);
      await tx.$executeRawUnsafe(`UPDATE tenants SET merged_into_id = $2::uuid, merged_at = $3 WHERE id = $1::uuid`, from.id, into.id, now);

      const data = { by, from: { id: from.id, slug: from.slug }, into: { id: into.id, slug: into.slug }, moved, revokedApiKeys, renamed };
      for (const tenantId of [into.id, from.id]) {
        await recordAudit(tx, tenantId, actor, now, { action: 'tenant.merge', subjectType: 'Tenant', subjectId: from.id, data });
      }
      return { from: data.from, into: data.into, mergedAt: now, moved, revokedApiKeys, renamed };
    },
    { timeout: 120_000, maxWait: 15_000 },
  );
}
