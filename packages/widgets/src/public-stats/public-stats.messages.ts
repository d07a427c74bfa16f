import type { KpiGroupBy } from '@paht/client-sdk/public';

/** The groupings the statistics widget offers. */
export type StatsGrouping = Extract<KpiGroupBy, 'MONTH' | 'UNIT' | 'CATEGORY' | 'AREA'>;
import type { Lang } from '../shared/i18n.js';

export interface PublicStatsMessages {
  heading: string;
  period: (from: string, to: string) => string;
  loading: string;
  failed: (requestId: string | null) => string;
  /** The page set the widget up wrongly (no endpoint or tenant); the developer sees `paht-error`. */
  misconfigured: (code: string) => string;
  offline: string;
  retry: string;
  empty: string;
  received: string;
  resolved: string;
  onTime: string;
  overdue: string;
  inProgress: string;
  rejected: string;
  avgTime: string;
  satisfaction: string;
  onTimeShare: string;
  hours: (n: string) => string;
  days: (n: string) => string;
  groupBy: string;
  groups: Record<StatsGrouping, string>;
  chartTitle: (group: string) => string;
  chartSummary: (rows: number) => string;
  showTable: string;
  hideTable: string;
  tableCaption: (group: string) => string;
  name: string;
  ranking: string;
  rankingIntro: string;
  rankingEmpty: string;
  rankLine: (onTime: string, resolved: string) => string;
  other: string;
  unknown: string;
  feed: string;
  feedEmpty: string;
  feedFailed: string;
  /** The public indicators' heading, with the period (`2026`, `2026-Q1`). */
  indicators: (period: string) => string;
  indicatorsEmpty: string;
  indicatorsFailed: string;
  indicatorNoValue: string;
  indicatorTarget: (target: string) => string;
  indicatorMet: string;
  indicatorMissed: string;
}

const vi: PublicStatsMessages = {
  heading: 'Kết quả xử lý phản ánh',
  period: (from, to) => `Từ ${from} đến ${to}`,
  loading: 'Đang tải số liệu…',
  failed: (id) => `Không tải được số liệu. Vui lòng thử lại sau.${id ? ` (Mã yêu cầu: ${id})` : ''}`,
  misconfigured: (code) => `Trang web chưa cấu hình xong phần số liệu nên chưa tải được (mã lỗi ${code}). Vui lòng báo cho quản trị trang web.`,
  offline: 'Bạn đang ngoại tuyến. Số liệu sẽ được tải khi có mạng.',
  retry: 'Thử lại',
  empty: 'Chưa có phản ánh nào trong khoảng thời gian này.',
  received: 'Đã tiếp nhận',
  resolved: 'Đã xử lý',
  onTime: 'Đúng hạn',
  overdue: 'Trễ hạn',
  inProgress: 'Đang xử lý',
  rejected: 'Không tiếp nhận',
  avgTime: 'Thời gian xử lý trung bình',
  satisfaction: 'Hài lòng',
  onTimeShare: 'Tỷ lệ đúng hạn',
  hours: (n) => `${n} giờ`,
  days: (n) => `${n} ngày`,
  groupBy: 'Xem theo',
  groups: { MONTH: 'Tháng', UNIT: 'Đơn vị', CATEGORY: 'Lĩnh vực', AREA: 'Địa bàn' },
  chartTitle: (g) => `Phản ánh theo ${g.toLowerCase()}`,
  chartSummary: (n) => `Biểu đồ thanh gồm ${n} dòng; số liệu chi tiết ở bảng.`,
  showTable: 'Xem dạng bảng',
  hideTable: 'Ẩn bảng',
  tableCaption: (g) => `Số liệu phản ánh theo ${g.toLowerCase()}`,
  name: 'Tên',
  ranking: 'Xếp hạng đơn vị',
  rankingIntro: 'Theo tỷ lệ xử lý đúng hạn.',
  rankingEmpty: 'Chưa có đơn vị nào xử lý xong phản ánh.',
  rankLine: (onTime, resolved) => `${onTime} đúng hạn · ${resolved} đã xử lý`,
  other: 'Khác',
  unknown: 'Chưa xác định',
  feed: 'Phản ánh đã có kết quả gần đây',
  feedEmpty: 'Chưa có phản ánh nào được công khai kết quả.',
  feedFailed: 'Không tải được danh sách phản ánh.',
  indicators: (period) => `Chỉ tiêu kinh tế – xã hội${period ? ` (${period})` : ''}`,
  indicatorsEmpty: 'Chưa có chỉ tiêu nào được công khai.',
  indicatorsFailed: 'Không tải được các chỉ tiêu.',
  indicatorNoValue: 'Chưa có số liệu',
  indicatorTarget: (target) => `Kế hoạch: ${target}`,
  indicatorMet: 'Đạt',
  indicatorMissed: 'Chưa đạt',
};

const en: PublicStatsMessages = {
  heading: 'How reports are handled',
  period: (from, to) => `From ${from} to ${to}`,
  loading: 'Loading figures…',
  failed: (id) => `The figures could not be loaded. Please try again later.${id ? ` (Request id: ${id})` : ''}`,
  misconfigured: (code) => `This website has not finished setting up the figures, so they cannot load (error code ${code}). Please tell the website's administrator.`,
  offline: 'You are offline. The figures will load when you are back online.',
  retry: 'Try again',
  empty: 'No reports in this period yet.',
  received: 'Received',
  resolved: 'Resolved',
  onTime: 'On time',
  overdue: 'Late',
  inProgress: 'In progress',
  rejected: 'Not accepted',
  avgTime: 'Average handling time',
  satisfaction: 'Satisfied',
  onTimeShare: 'On-time rate',
  hours: (n) => `${n} h`,
  days: (n) => `${n} days`,
  groupBy: 'Show by',
  groups: { MONTH: 'Month', UNIT: 'Unit', CATEGORY: 'Topic', AREA: 'Area' },
  chartTitle: (g) => `Reports by ${g.toLowerCase()}`,
  chartSummary: (n) => `Bar chart of ${n} rows; the table has the figures.`,
  showTable: 'Show as a table',
  hideTable: 'Hide the table',
  tableCaption: (g) => `Report figures by ${g.toLowerCase()}`,
  name: 'Name',
  ranking: 'Units ranking',
  rankingIntro: 'By share of reports resolved on time.',
  rankingEmpty: 'No unit has resolved a report yet.',
  rankLine: (onTime, resolved) => `${onTime} on time · ${resolved} resolved`,
  other: 'Other',
  unknown: 'Unknown',
  feed: 'Recently answered reports',
  feedEmpty: 'No answer has been published yet.',
  feedFailed: 'The list of reports could not be loaded.',
  indicators: (period) => `Socio-economic indicators${period ? ` (${period})` : ''}`,
  indicatorsEmpty: 'No indicator has been made public yet.',
  indicatorsFailed: 'The indicators could not be loaded.',
  indicatorNoValue: 'No figure yet',
  indicatorTarget: (target) => `Target: ${target}`,
  indicatorMet: 'Met',
  indicatorMissed: 'Not met',
};

/** The built-in tables, Vietnamese first. */
export const PUBLIC_STATS_MESSAGES: Readonly<Record<Lang, PublicStatsMessages>> = { vi, en };
