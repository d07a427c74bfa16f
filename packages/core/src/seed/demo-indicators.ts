import type { DefineIndicatorInput } from '../indicators/indicator-definitions.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * The demo tenants' socio-economic indicators (docs/demo-data.md): plain
 * data and pure value generators; `write-demo-indicators.ts` writes them
 * through the indicator API. Figures are fictional, of a realistic size for
 * each tenant's reporting units.
 */

/** An indicator as defined in the demo, its owner unit named by code. */
export interface DemoIndicator extends Omit<DefineIndicatorInput, 'ownerUnitId' | 'weightIndicatorId'> {
  ownerUnitCode?: string;
  weightCode?: string;
}

/** The monthly report form every reporting unit submits. */
export const DEMO_FORM = {
  code: 'BC_KTXH_THANG',
  name: 'Báo cáo chỉ tiêu kinh tế – xã hội hằng tháng',
  nameEn: 'Monthly socio-economic indicators report',
  periodicity: 'MONTH',
  /** Due by the end of the 5th of the next month. */
  deadlineDays: 5,
} as const;

/** The monthly form's items, in order: none below 0, new enterprises optional. */
export const DEMO_FORM_ITEMS = [
  { code: 'HS_TIEP_NHAN', minValue: 0 },
  { code: 'HS_DUNG_HAN', minValue: 0 },
  { code: 'THU_NSNN', minValue: 0 },
  { code: 'DN_THANH_LAP', minValue: 0, required: false, maxValue: 1000 },
] as const;

/** How large the figures are in a tenant, per reporting unit and month (households and poverty: per year). */
export interface DemoIndicatorScale {
  /** The units that submit the monthly form: wards and communes, or the district-level committees where the tenant has no communes. */
  reportingKind: 'COMMUNE' | 'DISTRICT';
  /** Administrative procedure files received a month. */
  files: readonly [number, number];
  /** State budget revenue a month, million đồng. */
  revenue: readonly [number, number];
  /** New enterprises a month. */
  enterprises: readonly [number, number];
  households: readonly [number, number];
  /** Share of poor households, percent: the units' range. */
  poverty: readonly [number, number];
  /** The plan: at most this share of poor households. */
  povertyTarget: number;
  owners: Partial<Record<'THU_NSNN' | 'DN_THANH_LAP' | 'TL_HS_DUNG_HAN' | 'TL_HO_NGHEO', string>>;
}

export const DEMO_INDICATOR_SCALES: Readonly<Record<string, DemoIndicatorScale>> = {
  'quang-tri': {
    reportingKind: 'DISTRICT', files: [350, 1400], revenue: [6_000, 42_000], enterprises: [2, 18], households: [9_000, 32_000], poverty: [3.2, 9.5], povertyTarget: 5.5,
    owners: { THU_NSNN: 'STC', DN_THANH_LAP: 'SKHDT', TL_HS_DUNG_HAN: 'VP-UBND', TL_HO_NGHEO: 'SLDTBXH' },
  },
  'quang-nam': {
    reportingKind: 'DISTRICT', files: [600, 2200], revenue: [18_000, 95_000], enterprises: [6, 40], households: [16_000, 48_000], poverty: [0.8, 4.2], povertyTarget: 2.5,
    owners: { TL_HS_DUNG_HAN: 'VP-UBND', DN_THANH_LAP: 'SCT' },
  },
  'cao-lanh': {
    reportingKind: 'COMMUNE', files: [70, 420], revenue: [700, 5_200], enterprises: [0, 6], households: [1_400, 5_200], poverty: [0.2, 1.6], povertyTarget: 0.8,
    owners: { TL_HS_DUNG_HAN: 'VP-HDND-UBND', TL_HO_NGHEO: 'PHONG-NOI-VU' },
  },
};

/**
 * The indicators of every demo tenant (the poverty target from its scale).
 * Codes are what formulas name. The targets are shares and growth rates,
 * meant for the province and each unit alike: `target` (the tenant-wide
 * figure) and `unitTarget` (each unit's) are the same.
 */
export function demoIndicators(scale: DemoIndicatorScale): DemoIndicator[] {
  const { owners } = scale;
  return [
    { code: 'HS_TIEP_NHAN', name: 'Số hồ sơ thủ tục hành chính tiếp nhận', nameEn: 'Administrative procedure files received', unitOfMeasure: 'hồ sơ', periodicity: 'MONTH', aggregation: 'SUM' },
    { code: 'HS_DUNG_HAN', name: 'Số hồ sơ giải quyết đúng hạn', nameEn: 'Files settled on time', unitOfMeasure: 'hồ sơ', periodicity: 'MONTH', aggregation: 'SUM' },
    {
      code: 'THU_NSNN', name: 'Thu ngân sách nhà nước trên địa bàn', nameEn: 'State budget revenue collected locally', unitOfMeasure: 'triệu đồng',
      periodicity: 'MONTH', aggregation: 'SUM', isPublic: true, ownerUnitCode: owners.THU_NSNN,
    },
    {
      code: 'DN_THANH_LAP', name: 'Số doanh nghiệp thành lập mới', nameEn: 'New enterprises registered', unitOfMeasure: 'doanh nghiệp',
      periodicity: 'MONTH', aggregation: 'SUM', isPublic: true, ownerUnitCode: owners.DN_THANH_LAP,
    },
    {
      code: 'TL_HS_DUNG_HAN', name: 'Tỷ lệ hồ sơ giải quyết đúng hạn', nameEn: 'Share of files settled on time', unitOfMeasure: '%',
      periodicity: 'MONTH', aggregation: 'AVERAGE', target: 95, unitTarget: 95, isPublic: true, ownerUnitCode: owners.TL_HS_DUNG_HAN, formula: 'HS_DUNG_HAN * 100 / HS_TIEP_NHAN',
    },
    {
      code: 'TANG_THU_NSNN', name: 'Tăng trưởng thu ngân sách so với cùng kỳ', nameEn: 'Budget revenue growth on the same period last year', unitOfMeasure: '%',
      periodicity: 'MONTH', aggregation: 'AVERAGE', target: 8, unitTarget: 8, isPublic: true, ownerUnitCode: owners.THU_NSNN, formula: 'yoy(THU_NSNN)',
    },
    { code: 'SO_HO', name: 'Số hộ dân cư', nameEn: 'Households', unitOfMeasure: 'hộ', periodicity: 'YEAR', aggregation: 'LAST' },
    {
      code: 'TL_HO_NGHEO', name: 'Tỷ lệ hộ nghèo', nameEn: 'Poverty rate (share of poor households)', unitOfMeasure: '%', periodicity: 'YEAR',
      aggregation: 'WEIGHTED_AVERAGE', weightCode: 'SO_HO', target: scale.povertyTarget, unitTarget: scale.povertyTarget, higherIsBetter: false, isPublic: true, ownerUnitCode: owners.TL_HO_NGHEO,
    },
  ];
}

/** A unit's standing figures, drawn once: each month varies around them. */
export interface DemoUnitProfile {
  files: number;
  revenue: number;
  /** Yearly revenue growth of the unit, e.g. 0.11. */
  growth: number;
  enterprises: number;
  /** Usual share of files settled on time, e.g. 0.97. */
  onTimeShare: number;
  households: number;
  poverty: number;
}

const within = (rng: SeededRandom, [min, max]: readonly [number, number]) => min + rng.next() * (max - min);

export function demoUnitProfile(rng: SeededRandom, scale: DemoIndicatorScale): DemoUnitProfile {
  return {
    files: within(rng, scale.files),
    revenue: within(rng, scale.revenue),
    growth: 0.04 + rng.next() * 0.12,
    enterprises: within(rng, scale.enterprises),
    onTimeShare: 0.935 + rng.next() * 0.06,
    households: Math.round(within(rng, scale.households)),
    poverty: within(rng, scale.poverty),
  };
}

/** Revenue is collected unevenly over the year: more at the quarter ends and in December. */
const REVENUE_SEASON = [0.8, 0.7, 1.05, 0.9, 0.95, 1.1, 0.9, 0.95, 1.1, 0.95, 1.0, 1.6];

/**
 * A unit's values for one month, `yearsIn` years after the profile's base
 * year (growth compounds). `weak`: a month whose share settled on time
 * falls under the 95 % target.
 */
export function demoMonthValues(rng: SeededRandom, p: DemoUnitProfile, month: number, yearsIn: number, weak: boolean) {
  const files = Math.max(1, Math.round(p.files * (0.85 + rng.next() * 0.3)));
  const share = weak ? 0.86 + rng.next() * 0.07 : Math.min(1, p.onTimeShare + (rng.next() - 0.5) * 0.03);
  const revenue = p.revenue * REVENUE_SEASON[month - 1]! * (1 + p.growth) ** yearsIn * (0.95 + rng.next() * 0.1);
  return {
    HS_TIEP_NHAN: files,
    HS_DUNG_HAN: Math.min(files, Math.round(files * share)),
    THU_NSNN: Math.round(revenue),
    DN_THANH_LAP: Math.max(0, Math.round(p.enterprises * (0.5 + rng.next()))),
  };
}
