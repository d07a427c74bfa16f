import { foldVietnamese, listCategories, listUnits, type CategoryRecord, type CoreContext, type TenantRecord } from '@paht/core';

/** A service of the standard (`service.json`): one of the tenant's public categories. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string | null;
  /** Always false: our categories have no extra attributes. */
  metadata: boolean;
  type: 'realtime';
  keywords: string | null;
  group: string | null;
}

/** A service definition (`service-definition.json`). */
export interface Open311ServiceDefinition {
  service_code: string;
  attributes: never[];
}

/** The tenant's public, active categories, by code and by id. Private categories are never services. */
export interface PublicCategories {
  byCode: ReadonlyMap<string, CategoryRecord>;
  byId: ReadonlyMap<string, CategoryRecord>;
  list: readonly CategoryRecord[];
}

export async function publicCategories(core: CoreContext, tenant: TenantRecord): Promise<PublicCategories> {
  const list = await listCategories(core, tenant.id);
  return { list, byCode: new Map(list.map((c) => [c.code, c])), byId: new Map(list.map((c) => [c.id, c])) };
}

/**
 * Category → service: `service_code` the category's code, `service_name`
 * its Vietnamese name, `description` its English name, `keywords` both
 * names (the Vietnamese one also without diacritics), `group` the unit that
 * handles it by default. `type` is realtime: a POST files the report at once.
 */
export async function listServices(core: CoreContext, tenant: TenantRecord, categories: PublicCategories): Promise<Open311Service[]> {
  const units = new Map((await listUnits(core, tenant.id)).map((u) => [u.id, u.name]));
  return categories.list.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: c.nameEn || null,
    metadata: false,
    type: 'realtime',
    keywords: [c.name, foldVietnamese(c.name), c.nameEn].filter(Boolean).join(', '),
    group: (c.defaultUnitId && units.get(c.defaultUnitId)) || null,
  }));
}

/** The expected action of a service: its SLA policy's description (e.g. "… xử lý trong 5 ngày làm việc"). */
export const serviceNotice = (category: CategoryRecord | undefined): string | null => category?.slaPolicy.name ?? null;
