// Fixed indicators and report forms for the admin console's stories (no
// server), after the demo data (docs/demo-data.md). Not part of the
// published entries.
import type { Indicator, IndicatorForm } from './admin-model.js';

const indicator = (i: Partial<Indicator> & Pick<Indicator, 'id' | 'code' | 'name' | 'nameEn' | 'unitOfMeasure'>): Indicator => ({
  periodicity: 'MONTH', target: null, unitTarget: null, unitTargets: [], higherIsBetter: true, aggregation: 'SUM', weightIndicatorId: null, ownerUnitId: null, isPublic: false, formula: null, ...i,
});

export const INDICATORS: Indicator[] = [
  indicator({ id: 'i1', code: 'HS_DUNG_HAN', name: 'Số hồ sơ giải quyết đúng hạn', nameEn: 'Files settled on time', unitOfMeasure: 'hồ sơ' }),
  indicator({ id: 'i2', code: 'HS_TIEP_NHAN', name: 'Số hồ sơ thủ tục hành chính tiếp nhận', nameEn: 'Administrative procedure files received', unitOfMeasure: 'hồ sơ' }),
  indicator({ id: 'i3', code: 'SO_HO', name: 'Số hộ dân cư', nameEn: 'Households', unitOfMeasure: 'hộ', periodicity: 'YEAR', aggregation: 'LAST' }),
  indicator({ id: 'i4', code: 'THU_NSNN', name: 'Thu ngân sách nhà nước trên địa bàn', nameEn: 'State budget revenue collected locally', unitOfMeasure: 'triệu đồng', isPublic: true, ownerUnitId: 'u1' }),
  indicator({
    id: 'i5', code: 'TL_HO_NGHEO', name: 'Tỷ lệ hộ nghèo', nameEn: 'Poverty rate', unitOfMeasure: '%', periodicity: 'YEAR', aggregation: 'WEIGHTED_AVERAGE', weightIndicatorId: 'i3',
    target: 5.5, unitTarget: 5.5, unitTargets: [{ unitId: null, unitKind: 'COMMUNE', target: 3 }], higherIsBetter: false, isPublic: true, ownerUnitId: 'u2',
  }),
  indicator({
    id: 'i6', code: 'TL_HS_DUNG_HAN', name: 'Tỷ lệ hồ sơ giải quyết đúng hạn', nameEn: 'Share of files settled on time', unitOfMeasure: '%', aggregation: 'AVERAGE', target: 95, unitTarget: 95,
    isPublic: true, ownerUnitId: 'u0', formula: 'HS_DUNG_HAN * 100 / HS_TIEP_NHAN',
  }),
];

const item = (i: Indicator, required = true) => ({ indicatorId: i.id, code: i.code, name: i.name, nameEn: i.nameEn, unitOfMeasure: i.unitOfMeasure, required, minValue: 0, maxValue: null });

export const FORMS: IndicatorForm[] = [
  {
    id: 'fm1', code: 'BC_KTXH_THANG', status: 'ACTIVE', version: 2, name: 'Báo cáo chỉ tiêu kinh tế – xã hội hằng tháng', nameEn: 'Monthly socio-economic indicators report',
    periodicity: 'MONTH', deadlineDays: 5, unitIds: ['u1'], unitKinds: ['DISTRICT'], items: [item(INDICATORS[1]!), item(INDICATORS[0]!), item(INDICATORS[3]!, false)],
    createdAt: '2026-01-10T02:00:00Z', updatedAt: '2026-06-01T02:00:00Z', archivedAt: null,
  },
  {
    id: 'fm2', code: 'BC_HO_NGHEO_NAM', status: 'ARCHIVED', version: 1, name: 'Báo cáo rà soát hộ nghèo hằng năm', nameEn: 'Yearly poverty review',
    periodicity: 'YEAR', deadlineDays: 0, unitIds: [], unitKinds: ['COMMUNE'], items: [item(INDICATORS[2]!)],
    createdAt: '2025-01-10T02:00:00Z', updatedAt: '2026-01-10T02:00:00Z', archivedAt: '2026-01-10T02:00:00Z',
  },
];
