import type { Lang } from '../shared/i18n.js';

/** The words of the indicators and report forms section (docs/indicators.md): `m.ind` in the console's messages. */
export interface IndicatorMessages {
  indicators: string;
  forms: string;
  addIndicator: string;
  addForm: string;
  editIndicator: (code: string) => string;
  editForm: (code: string) => string;
  indicatorsEmpty: string;
  formsEmpty: string;
  codeHint: string;
  unitOfMeasure: string;
  unitOfMeasureHint: string;
  periodicity: string;
  periodicities: Record<'MONTH' | 'QUARTER' | 'YEAR', string>;
  aggregation: string;
  aggregations: Record<'SUM' | 'AVERAGE' | 'WEIGHTED_AVERAGE' | 'LAST', string>;
  weight: string;
  weightHint: string;
  target: string;
  /** The rule of which target applies (docs/indicators.md#targets), above the targets' fields. */
  targetHint: string;
  noTarget: string;
  targetsLegend: string;
  tenantTarget: string;
  unitTarget: string;
  kindTarget: (kind: string) => string;
  ownTargets: string;
  ownTargetsHint: string;
  ownTargetUnit: (n: number) => string;
  ownTargetValue: (n: number) => string;
  /** The list's target column: the tenant-wide one, then the units'. */
  tenantTargetShown: (shown: string) => string;
  unitTargetShown: (shown: string) => string;
  otherTargetsShown: (n: number) => string;
  direction: string;
  higherIsBetter: string;
  lowerIsBetter: string;
  /** A target as the list shows it: `≥ 95 (tối thiểu)`. */
  targetShown: (target: number, higherIsBetter: boolean) => string;
  owner: string;
  ownerHint: string;
  isPublic: string;
  publicHint: string;
  formula: string;
  formulaHint: (codes: string) => string;
  submittedByUnits: string;
  dueDays: string;
  dueDaysHint: string;
  dueShown: (days: number) => string;
  reporters: string;
  reporterKinds: string;
  reporterUnits: string;
  reporterUnitsHint: string;
  items: string;
  itemsHint: string;
  itemsNone: string;
  optional: string;
  state: string;
  status: Record<'ACTIVE' | 'ARCHIVED', string>;
  version: (n: number) => string;
  archive: string;
  /** The dialog's summary when the API refused fields shown at their place. */
  fieldsRefused: (n: number) => string;
}

const vi: IndicatorMessages = {
  indicators: 'Chỉ tiêu kinh tế – xã hội',
  forms: 'Biểu mẫu báo cáo',
  addIndicator: 'Thêm chỉ tiêu',
  addForm: 'Thêm biểu mẫu',
  editIndicator: (code) => `Sửa chỉ tiêu ${code}`,
  editForm: (code) => `Sửa biểu mẫu ${code}`,
  indicatorsEmpty: 'Chưa có chỉ tiêu nào.',
  formsEmpty: 'Chưa có biểu mẫu nào.',
  codeHint: 'Chữ in hoa, chữ số và dấu _, bắt đầu bằng chữ (VD: THU_NSNN). Công thức gọi chỉ tiêu bằng mã này nên mã không đổi được.',
  unitOfMeasure: 'Đơn vị tính',
  unitOfMeasureHint: 'VD: tấn, %, triệu đồng.',
  periodicity: 'Kỳ báo cáo',
  periodicities: { MONTH: 'Tháng', QUARTER: 'Quý', YEAR: 'Năm' },
  aggregation: 'Cách tổng hợp',
  aggregations: { SUM: 'Cộng dồn', AVERAGE: 'Bình quân', WEIGHTED_AVERAGE: 'Bình quân gia quyền', LAST: 'Số cuối kỳ' },
  weight: 'Chỉ tiêu làm quyền số',
  weightHint: 'Chỉ dùng cho bình quân gia quyền (VD: tỷ lệ hộ nghèo theo số hộ).',
  target: 'Kế hoạch',
  targetHint:
    'Số liệu toàn tỉnh/thành so với kế hoạch chung; số liệu của một đơn vị so với kế hoạch riêng của đơn vị, không có thì kế hoạch của loại đơn vị, không có nữa thì kế hoạch mỗi đơn vị. Để trống: cấp đó không có kế hoạch. Số liệu không đạt kế hoạch sẽ báo cho đơn vị.',
  noTarget: 'Không có',
  targetsLegend: 'Kế hoạch theo cấp',
  tenantTarget: 'Kế hoạch chung toàn tỉnh/thành',
  unitTarget: 'Kế hoạch mỗi đơn vị (mặc định)',
  kindTarget: (kind) => `Mỗi đơn vị loại “${kind}”`,
  ownTargets: 'Kế hoạch riêng của đơn vị',
  ownTargetsHint: 'Chọn đơn vị và nhập kế hoạch; để trống để bỏ. Lưu xong sẽ có thêm một dòng trống.',
  ownTargetUnit: (n) => `Đơn vị ${n}`,
  ownTargetValue: (n) => `Kế hoạch của đơn vị ${n}`,
  tenantTargetShown: (t) => `Toàn tỉnh/thành: ${t}`,
  unitTargetShown: (t) => `Mỗi đơn vị: ${t}`,
  otherTargetsShown: (n) => `${n} kế hoạch riêng theo loại hoặc đơn vị`,
  direction: 'Đạt kế hoạch khi',
  higherIsBetter: 'Càng cao càng tốt (không thấp hơn kế hoạch)',
  lowerIsBetter: 'Càng thấp càng tốt (không cao hơn kế hoạch)',
  targetShown: (t, higher) => `${higher ? '≥' : '≤'} ${t.toLocaleString('vi-VN')} (${higher ? 'tối thiểu' : 'tối đa'})`,
  owner: 'Đơn vị chủ trì',
  ownerHint: 'Đơn vị chịu trách nhiệm; được báo khi số liệu không đạt kế hoạch.',
  isPublic: 'Công khai',
  publicHint: 'Hiển thị cho người dân trên trang thống kê.',
  formula: 'Công thức',
  formulaHint: (codes) => `Để trống nếu các đơn vị nộp số liệu. Dùng mã chỉ tiêu, số, + - * /, ngoặc và các hàm yoy, lastYear, sum, min, max, abs. Mã hiện có: ${codes || 'chưa có'}.`,
  submittedByUnits: 'Đơn vị nộp',
  dueDays: 'Hạn nộp (số ngày sau ngày cuối kỳ)',
  dueDaysHint: 'Hạn là cuối ngày thứ N sau ngày cuối kỳ, theo giờ địa phương (0: ngày cuối kỳ).',
  dueShown: (d) => (d === 0 ? 'Ngày cuối kỳ' : `${d} ngày sau cuối kỳ`),
  reporters: 'Đơn vị phải nộp',
  reporterKinds: 'Mọi đơn vị thuộc loại',
  reporterUnits: 'Và các đơn vị',
  reporterUnitsHint: 'Giữ Ctrl (hoặc ⌘) để chọn nhiều đơn vị.',
  items: 'Chỉ tiêu trong biểu mẫu',
  itemsHint: 'Chỉ các chỉ tiêu do đơn vị nộp và cùng kỳ báo cáo với biểu mẫu.',
  itemsNone: 'Chưa có chỉ tiêu nào do đơn vị nộp: hãy thêm chỉ tiêu trước.',
  optional: 'không bắt buộc',
  state: 'Trạng thái',
  status: { ACTIVE: 'Đang dùng', ARCHIVED: 'Đã lưu trữ' },
  version: (n) => `phiên bản ${n}`,
  archive: 'Lưu trữ',
  fieldsRefused: (n) => `Chưa lưu: ${n} mục chưa hợp lệ, xem lỗi ngay tại từng mục.`,
};

const en: IndicatorMessages = {
  indicators: 'Socio-economic indicators',
  forms: 'Report forms',
  addIndicator: 'Add an indicator',
  addForm: 'Add a report form',
  editIndicator: (code) => `Edit indicator ${code}`,
  editForm: (code) => `Edit report form ${code}`,
  indicatorsEmpty: 'No indicators yet.',
  formsEmpty: 'No report forms yet.',
  codeHint: 'Upper-case letters, digits and _, starting with a letter (e.g. THU_NSNN). Formulas name the indicator by it, so it never changes.',
  unitOfMeasure: 'Unit of measure',
  unitOfMeasureHint: 'E.g. tấn, %, triệu đồng.',
  periodicity: 'Period',
  periodicities: { MONTH: 'Month', QUARTER: 'Quarter', YEAR: 'Year' },
  aggregation: 'Aggregation',
  aggregations: { SUM: 'Sum', AVERAGE: 'Average', WEIGHTED_AVERAGE: 'Weighted average', LAST: 'Latest level' },
  weight: 'Weight indicator',
  weightHint: 'For a weighted average only (e.g. the poverty rate weighted by households).',
  target: 'Target',
  targetHint:
    'The tenant-wide figure is compared with the tenant-wide target; a unit’s figure with the unit’s own target, else its kind’s, else the target for each unit. Empty: no target at that level. A figure that misses its target alerts the units.',
  noTarget: 'None',
  targetsLegend: 'Targets per level',
  tenantTarget: 'Tenant-wide target',
  unitTarget: 'Target for each unit (default)',
  kindTarget: (kind) => `Each unit of kind “${kind}”`,
  ownTargets: 'A unit’s own target',
  ownTargetsHint: 'Choose a unit and type its target; leave it empty to remove it. Saving adds another empty row.',
  ownTargetUnit: (n) => `Unit ${n}`,
  ownTargetValue: (n) => `Target of unit ${n}`,
  tenantTargetShown: (t) => `Tenant-wide: ${t}`,
  unitTargetShown: (t) => `Each unit: ${t}`,
  otherTargetsShown: (n) => `${n} own target${n === 1 ? '' : 's'} by kind or unit`,
  direction: 'The target is met when',
  higherIsBetter: 'Higher is better (not below the target)',
  lowerIsBetter: 'Lower is better (not above the target)',
  targetShown: (t, higher) => `${higher ? '≥' : '≤'} ${t.toLocaleString('en-GB')} (${higher ? 'at least' : 'at most'})`,
  owner: 'Owner unit',
  ownerHint: 'The responsible unit; told when a figure misses the target.',
  isPublic: 'Public',
  publicHint: 'Shown to citizens on the statistics page.',
  formula: 'Formula',
  formulaHint: (codes) => `Leave empty when units submit the values. Indicator codes, numbers, + - * /, parentheses and yoy, lastYear, sum, min, max, abs. Codes: ${codes || 'none yet'}.`,
  submittedByUnits: 'Submitted by units',
  dueDays: 'Due (days after the period’s last day)',
  dueDaysHint: 'Due by the end of the Nth day after the period’s last day, local time (0: the last day).',
  dueShown: (d) => (d === 0 ? 'The period’s last day' : `${d} days after the period`),
  reporters: 'Units that submit',
  reporterKinds: 'Every unit of the kinds',
  reporterUnits: 'And the units',
  reporterUnitsHint: 'Hold Ctrl (or ⌘) to choose several units.',
  items: 'Indicators in the form',
  itemsHint: 'Indicators submitted by units, of the form’s period only.',
  itemsNone: 'No indicator is submitted by units yet: add one first.',
  optional: 'optional',
  state: 'Status',
  status: { ACTIVE: 'In use', ARCHIVED: 'Archived' },
  version: (n) => `version ${n}`,
  archive: 'Archive',
  fieldsRefused: (n) => `Not saved: ${n} field${n === 1 ? '' : 's'} to correct, each shown at its place.`,
};

export const INDICATOR_MESSAGES: Readonly<Record<Lang, IndicatorMessages>> = { vi, en };
