import { provisionTenant, upsertSlaPolicy, withTenant, type Actor, type CoreContext } from '@paht/core';

export interface FixtureTenant {
  tenantId: string;
  iocUnitId: string;
  roadsUnitId: string;
  wardUnitId: string;
  roadsCategoryId: string;
  misconductCategoryId: string;
  operator: Actor;
  admin: Actor;
  roadsOfficer: Actor;
  roadsLeader: Actor;
  wardOfficer: Actor;
  leader: Actor;
}

/**
 * A small tenant for integration tests: an IOC, two units, a public and a
 * private category, and one staff member per role.
 */
export async function createFixtureTenant(ctx: CoreContext, slug: string, prefix: string): Promise<FixtureTenant> {
  const tenant = await provisionTenant(ctx, {
    slug,
    name: `Tỉnh ${slug}`,
    nameEn: `${slug} province`,
    kind: 'PROVINCE',
    provinceCode: '44',
    trackingPrefix: prefix,
  });
  const tenantId = tenant.id;
  const adminActor: Actor = { role: 'TENANT_ADMIN', userId: crypto.randomUUID() };
  const policy = await upsertSlaPolicy(ctx, tenantId, adminActor, {
    code: 'STANDARD',
    name: 'Tiêu chuẩn',
    clock: 'WORKING',
    classifyMinutes: 240,
    acceptMinutes: 480,
    resolveMinutes: 5 * 450,
    warnRatio: 0.8,
  });
  return withTenant(ctx.db, tenantId, async (tx) => {
    const unit = (code: string, name: string, kind: 'IOC' | 'DEPARTMENT' | 'COMMUNE') =>
      tx.unit.create({ data: { tenantId, code, name, kind } });
    const ioc = await unit('IOC', 'Trung tâm IOC', 'IOC');
    const roads = await unit('SGTVT', 'Sở Giao thông vận tải', 'DEPARTMENT');
    const ward = await unit('P-DONGHA', 'Phường Đông Hà', 'COMMUNE');
    const category = (code: string, name: string, isPublic: boolean, defaultUnitId: string) =>
      tx.category.create({ data: { tenantId, code, name, nameEn: code, isPublic, defaultUnitId, slaPolicyId: policy.id } });
    const roadsCategory = await category('ROADS', 'Giao thông', true, roads.id);
    const misconduct = await category('MISCONDUCT', 'Cán bộ gây phiền hà', false, ioc.id);
    const staff = async (role: 'IOC_OPERATOR' | 'UNIT_OFFICER' | 'UNIT_LEADER' | 'TENANT_ADMIN' | 'LEADER', email: string, unitId: string | null) =>
      (await tx.staffUser.create({ data: { tenantId, email, fullName: email, role, unitId } })).id;
    return {
      tenantId,
      iocUnitId: ioc.id,
      roadsUnitId: roads.id,
      wardUnitId: ward.id,
      roadsCategoryId: roadsCategory.id,
      misconductCategoryId: misconduct.id,
      operator: { role: 'IOC_OPERATOR', userId: await staff('IOC_OPERATOR', 'ioc@example.gov.vn', ioc.id) },
      admin: { role: 'TENANT_ADMIN', userId: await staff('TENANT_ADMIN', 'admin@example.gov.vn', null) },
      roadsOfficer: { role: 'UNIT_OFFICER', userId: await staff('UNIT_OFFICER', 'officer@example.gov.vn', roads.id), unitId: roads.id },
      roadsLeader: { role: 'UNIT_LEADER', userId: await staff('UNIT_LEADER', 'leader@example.gov.vn', roads.id), unitId: roads.id },
      wardOfficer: { role: 'UNIT_OFFICER', userId: await staff('UNIT_OFFICER', 'ward@example.gov.vn', ward.id), unitId: ward.id },
      leader: { role: 'LEADER', userId: await staff('LEADER', 'lanhdao@example.gov.vn', null) },
    };
  });
}

/** Two districts (H-A, H-B) beside a fixture tenant's units, each with a unit officer of its own. */
export interface TwoDistricts {
  districtA: string;
  districtB: string;
  officerA: Actor;
  officerB: Actor;
}

/** Adds `TwoDistricts` to a fixture tenant. */
export async function addTwoDistricts(ctx: CoreContext, tenantId: string): Promise<TwoDistricts> {
  return withTenant(ctx.db, tenantId, async (tx) => {
    const district = (code: string) => tx.unit.create({ data: { tenantId, code, name: `Huyện ${code}`, kind: 'DISTRICT' } });
    const officer = async (unitId: string, email: string): Promise<Actor> => ({
      role: 'UNIT_OFFICER',
      userId: (await tx.staffUser.create({ data: { tenantId, email, fullName: email, role: 'UNIT_OFFICER', unitId } })).id,
      unitId,
    });
    const [a, b] = [await district('H-A'), await district('H-B')];
    return { districtA: a.id, districtB: b.id, officerA: await officer(a.id, 'a@example.gov.vn'), officerB: await officer(b.id, 'b@example.gov.vn') };
  });
}
