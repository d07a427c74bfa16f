// What each section of the admin console shows, read from the admin API.
import { adminCategories, adminUnits, apiKeys, auditLog, calendarDays, focalPoints, listIndicatorForms, listIndicators, slaPolicies, staffAccounts, tenantSettings, tenantSettingsSchema, type PahtClient } from '@paht/client-sdk/staff';
import type { AdminData, AdminSection } from './admin-model.js';
import { dataOf, Refused } from './admin-results.js';

type Client = Pick<PahtClient, 'request'>;

/**
 * The data of `section` (with the units it names, and the focal points of the
 * unit `data` shows them for); throws `Refused` when the API refuses, and
 * what the client throws.
 */
export async function readSection(client: Client, section: AdminSection, data: AdminData): Promise<Partial<AdminData>> {
  const next: Partial<AdminData> = {};
  const units = async () => (next.units = dataOf(await adminUnits(client)));
  switch (section) {
    case 'units':
      await units();
      if (data.focal) next.focal = { unitId: data.focal.unitId, points: dataOf(await focalPoints(client, data.focal.unitId, true)) };
      break;
    case 'categories': {
      const [c, p] = await Promise.all([adminCategories(client), slaPolicies(client), units()]);
      next.categories = dataOf(c);
      next.policies = dataOf(p);
      break;
    }
    case 'staff': {
      const [s] = await Promise.all([staffAccounts(client), units()]);
      next.staff = dataOf(s);
      break;
    }
    case 'keys':
      next.keys = dataOf(await apiKeys(client));
      break;
    case 'settings': {
      const [s, schema] = await Promise.all([tenantSettings(client), tenantSettingsSchema(client)]);
      if (s.__typename !== 'TenantSettings') throw new Refused(s.__typename === 'ForbiddenError');
      next.settings = s;
      next.settingsSchema = dataOf(schema);
      break;
    }
    case 'audit':
      next.audit = await auditPage(client, data.audit.action, null, []);
      break;
    case 'calendar':
      next.calendar = dataOf(await calendarDays(client));
      break;
    case 'indicators': {
      const [i, f] = await Promise.all([listIndicators(client), listIndicatorForms(client, { includeArchived: true }), units()]);
      next.indicators = dataOf(i);
      next.forms = dataOf(f);
      break;
    }
  }
  return next;
}

/** A page of the audit log after `after` (null: the first), filtered by `action` if set, following the entries `before`. */
export async function auditPage(client: Client, action: string, after: string | null, before: AdminData['audit']['entries']): Promise<AdminData['audit']> {
  const page = await auditLog(client, { first: 20, ...(after ? { after } : {}), ...(action ? { filter: { actions: [action] } } : {}) });
  if (page.__typename !== 'AuditLogPage') throw new Refused(page.__typename === 'ForbiddenError');
  return { entries: [...before, ...page.entries], hasNextPage: page.hasNextPage, endCursor: page.endCursor ?? null, action };
}
