import {
  EARLIEST_SUPPORTED_INSTANT,
  LATEST_SUPPORTED_INSTANT,
  lagTolerant,
  listReports,
  type CoreContext,
  type ReportFilter,
  type ReportStatus,
  type TenantRecord,
} from '@paht/core';
import { parseDateTime } from './datetime.js';
import { findPublicReport } from './find-request.js';
import { badRequest, Open311Error } from './open311-error.js';
import type { PublicCategories } from './public-services.js';
import { statusesOf, toOpen311Request, type Open311Request } from './request-view.js';

/** The standard's defaults: a span of 90 days, the first 1000 requests. */
export const MAX_SPAN_DAYS = 90;
export const MAX_REQUESTS = 1000;
/** Ids asked for at once, at most. */
export const MAX_IDS = 20;
const DAY = 86_400_000;
const PAGE = 100;

export type RequestQuery =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'search'; serviceCode: string | null; statuses: ReportStatus[] | null; from: Date; to: Date };

const text = (value: unknown): string | undefined => {
  const first = Array.isArray(value) ? value.join(',') : value;
  return typeof first === 'string' && first.trim() ? first.trim() : undefined;
};
const list = (value: string): string[] => value.split(',').map((v) => v.trim()).filter(Boolean);

function dateParam(name: string, value: string | undefined): Date | null {
  if (value === undefined) return null;
  const at = parseDateTime(value);
  if (!at) throw badRequest(`${name} phải là ngày giờ ISO 8601 / ${name} must be an ISO 8601 date-time`);
  return at;
}

/**
 * The query of `GET requests`: `service_request_id` (comma separated)
 * overrides the rest; else `service_code`, `status` (`open`, `closed` or
 * both, comma separated), `start_date`/`end_date` (at most 90 days apart;
 * one alone spans 90 days from or to it; neither: the last 90 days).
 */
export function parseRequestQuery(query: Record<string, unknown>, now: Date): RequestQuery {
  const ids = text(query.service_request_id);
  if (ids) {
    const codes = [...new Set(list(ids))];
    if (codes.length > MAX_IDS) throw badRequest(`Tối đa ${MAX_IDS} mã một lần / at most ${MAX_IDS} service_request_id at once`);
    return { kind: 'ids', ids: codes };
  }
  const status = text(query.status);
  const wanted = status ? list(status.toLowerCase()) : [];
  if (wanted.some((s) => s !== 'open' && s !== 'closed')) throw badRequest('status chỉ là open hoặc closed / status must be open or closed');
  const start = dateParam('start_date', text(query.start_date));
  const end = dateParam('end_date', text(query.end_date));
  // A span derived from one bound stops at the supported range (start_date
  // 9999-12-31 would otherwise reach year 10000, which PostgreSQL refuses).
  const to = end ?? (start ? new Date(Math.min(start.getTime() + MAX_SPAN_DAYS * DAY, LATEST_SUPPORTED_INSTANT.getTime())) : now);
  const from = start ?? new Date(Math.max(to.getTime() - MAX_SPAN_DAYS * DAY, EARLIEST_SUPPORTED_INSTANT.getTime()));
  if (from > to) throw badRequest('start_date phải trước end_date / start_date must be before end_date');
  if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY) {
    throw badRequest(`Khoảng thời gian tối đa ${MAX_SPAN_DAYS} ngày / start_date and end_date may not span more than ${MAX_SPAN_DAYS} days`);
  }
  const kinds = new Set(wanted as Array<'open' | 'closed'>);
  return {
    kind: 'search',
    serviceCode: text(query.service_code) ?? null,
    statuses: kinds.size === 1 ? statusesOf([...kinds][0]!) : null,
    from,
    to,
  };
}

/**
 * The public requests a query asks for, newest first: what the public
 * list of the core shows (public reports of public categories, never
 * rejected ones), or, by id, the reports whose content is public (the
 * core's one rule; unknown, private and rejected ids left out).
 */
export async function listOpen311Requests(
  core: CoreContext,
  tenant: TenantRecord,
  categories: PublicCategories,
  query: RequestQuery,
): Promise<Open311Request[]> {
  if (query.kind === 'ids') {
    const found: Open311Request[] = [];
    for (const id of query.ids) {
      try {
        found.push(toOpen311Request(await findPublicReport(core, tenant, id), tenant, categories));
      } catch (error) {
        if (!(error instanceof Open311Error)) throw error;
      }
    }
    return found;
  }
  let categoryId: string | undefined;
  if (query.serviceCode !== null) {
    const category = categories.byCode.get(query.serviceCode);
    if (!category) return [];
    categoryId = category.id;
  }
  const filter: ReportFilter = {
    submittedFrom: query.from,
    // end_date is inclusive; the core's bound is not (and stays in the supported range).
    submittedTo: new Date(Math.min(query.to.getTime() + 1, LATEST_SUPPORTED_INSTANT.getTime())),
    ...(categoryId ? { categoryId } : {}),
    ...(query.statuses ? { status: query.statuses } : {}),
  };
  const requests: Open311Request[] = [];
  let after: string | undefined;
  while (requests.length < MAX_REQUESTS) {
    const page = await listReports(lagTolerant(core), tenant.id, null, { filter, first: Math.min(PAGE, MAX_REQUESTS - requests.length), ...(after ? { after } : {}) });
    requests.push(...page.items.map((item) => toOpen311Request(item, tenant, categories)));
    if (!page.hasNextPage || !page.endCursor) break;
    after = page.endCursor;
  }
  return requests;
}
