import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { isUuid } from '../ids.js';
import type { NamedRef } from '../reports/report-views.js';
import { trainClassificationModel, type ClassificationModel } from './classification-model.js';
import { reportText } from './report-text-index.js';

/** A suggestion as staff see it: category and unit by name, and the confidence (0..1). */
export interface ClassificationSuggestion {
  category: NamedRef;
  unit: NamedRef | null;
  confidence: number;
}

/** The newest classified reports a tenant's model learns from. */
export const MAX_TRAINING_REPORTS = 5_000;
/** A model is rebuilt when new classifications landed and it is at least this old (a burst of steps rebuilds once). */
export const MODEL_MIN_AGE_MS = 30_000;
/** A model is rebuilt when it is this old, whatever happened. */
export const MODEL_MAX_AGE_MS = 15 * 60_000;
/** At most this many reports in one call (a page of the inbox). */
export const MAX_SUGGESTION_BATCH = 100;

interface CachedModel {
  model: ClassificationModel;
  /** How many CLASSIFY and ASSIGN steps the tenant had when the model was built. */
  signature: number;
  builtAt: number;
}

// One model per tenant and database, built only from that tenant's rows
// (inside its RLS transaction): nothing of one tenant reaches another's.
const caches = new WeakMap<object, Map<string, CachedModel>>();

const cacheOf = (ctx: CoreContext): Map<string, CachedModel> => {
  let cache = caches.get(ctx.db);
  if (!cache) caches.set(ctx.db, (cache = new Map<string, CachedModel>()));
  return cache;
};

/** Forgets the tenants' models (tests; a tenant's history rewritten). */
export function clearClassificationModels(ctx: CoreContext): void {
  caches.delete(ctx.db);
}

/** Counts the steps that teach the model: a new one means new classifications landed. */
const classificationSteps = (tx: TenantTx): Promise<number> =>
  tx.reportEvent.count({ where: { type: { in: ['CLASSIFY', 'ASSIGN'] } } });

async function buildModel(tx: TenantTx): Promise<ClassificationModel> {
  const rows = await tx.report.findMany({
    where: { categoryId: { not: null }, status: { notIn: ['SUBMITTED', 'REJECTED'] } },
    select: { id: true, title: true, description: true, categoryId: true, unitId: true },
    orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
    take: MAX_TRAINING_REPORTS,
  });
  return trainClassificationModel(rows.map((r) => ({ id: r.id, text: reportText(r), categoryId: r.categoryId as string, unitId: r.unitId })));
}

async function modelFor(ctx: CoreContext, tx: TenantTx, tenantId: string): Promise<ClassificationModel> {
  const cache = cacheOf(ctx);
  const cached = cache.get(tenantId);
  const now = ctx.now().getTime();
  const age = cached ? now - cached.builtAt : Infinity;
  // Younger than the pause: kept without asking (a page of the inbox costs no count).
  if (cached && age >= 0 && age < MODEL_MIN_AGE_MS) return cached.model;
  const signature = await classificationSteps(tx);
  if (cached && age >= 0 && age < MODEL_MAX_AGE_MS && cached.signature === signature) return cached.model;
  const model = await buildModel(tx);
  cache.set(tenantId, { model, signature, builtAt: now });
  return model;
}

/**
 * Up to three suggested (category, unit) pairs for each of the given
 * reports, learned from the tenant's own classified history (title and
 * description, with or without diacritics; docs/classification.md), best
 * first. Staff who read every report only (the IOC, admins, leaders);
 * others get FORBIDDEN. Ids that are not reports of this tenant get no
 * entry. Categories and units no longer active are never suggested.
 */
export async function classificationSuggestions(
  ctx: CoreContext,
  tenantId: string,
  actor: Actor,
  reportIds: readonly string[],
): Promise<Map<string, ClassificationSuggestion[]>> {
  assertCan(actor, Permission.REPORT_READ_ALL);
  const ids = [...new Set(reportIds.filter(isUuid))].slice(0, MAX_SUGGESTION_BATCH);
  const out = new Map<string, ClassificationSuggestion[]>();
  if (ids.length === 0) return out;
  return withTenant(ctx.db, tenantId, async (tx) => {
    const reports = await tx.report.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, description: true } });
    if (reports.length === 0) return out;
    const model = await modelFor(ctx, tx, tenantId);
    const guesses = reports.map((r) => ({ id: r.id, guesses: model.suggest(reportText(r), 6) }));
    const categoryIds = [...new Set(guesses.flatMap((g) => g.guesses.map((x) => x.categoryId)))];
    const unitIds = [...new Set(guesses.flatMap((g) => g.guesses.map((x) => x.unitId).filter((u): u is string => u !== null)))];
    // One after the other: a transaction is one connection (PGlite has only one).
    const categories = await tx.category.findMany({ where: { id: { in: categoryIds }, active: true } });
    const units = await tx.unit.findMany({ where: { id: { in: unitIds }, active: true } });
    const ref = (r: { id: string; code: string; name: string; nameEn: string | null }): NamedRef => ({ id: r.id, code: r.code, name: r.name, nameEn: r.nameEn });
    const categoryById = new Map(categories.map((c) => [c.id, ref(c)]));
    const unitById = new Map(units.map((u) => [u.id, ref(u)]));
    for (const { id, guesses: list } of guesses) {
      const suggestions: ClassificationSuggestion[] = [];
      for (const g of list) {
        const category = categoryById.get(g.categoryId);
        if (!category || (g.unitId !== null && !unitById.has(g.unitId))) continue;
        suggestions.push({ category, unit: g.unitId === null ? null : (unitById.get(g.unitId) ?? null), confidence: g.confidence });
      }
      out.set(id, suggestions.slice(0, 3));
    }
    return out;
  });
}
