import type { Lang } from '../shared/i18n.js';

export interface OverviewMessages {
  heading: string;
  period: (from: string, to: string, days: number) => string;
  previous: (from: string, to: string) => string;
  days: string;
  reload: string;
  loading: string;
  signedOut: string;
  forbidden: string;
  failed: (requestId: string | null) => string;
  empty: string;
  readAt: (when: string) => string;
  live: string;
  tiles: string;
  overdueNow: string;
  overdueNowHint: string;
  dueThisWeek: string;
  dueThisWeekHint: string;
  received: string;
  resolved: string;
  answeredLate: string;
  answeredLateHint: string;
  onTimeShare: string;
  inProgress: string;
  trendUp: (n: string) => string;
  trendDown: (n: string) => string;
  trendSame: string;
  trendNone: string;
  byUnit: string;
  byCategory: string;
  groupBy: string;
  name: string;
  noUnit: string;
  noCategory: string;
  tableHint: string;
}

const vi: OverviewMessages = {
  heading: 'Tổng quan điều hành',
  period: (from, to, days) => `${days} ngày gần nhất: ${from} – ${to}`,
  previous: (from, to) => `So với kỳ trước: ${from} – ${to}`,
  days: 'Số ngày của kỳ',
  reload: 'Tải lại',
  loading: 'Đang tải số liệu…',
  signedOut: 'Đăng nhập để xem tổng quan.',
  forbidden: 'Tài khoản của bạn không được xem số liệu này.',
  failed: (id) => `Không tải được số liệu. Vui lòng thử lại${id ? ` (mã yêu cầu ${id})` : ''}.`,
  empty: 'Chưa có phản ánh nào trong kỳ này.',
  readAt: (when) => `Cập nhật lúc ${when}`,
  live: 'Số liệu tự cập nhật khi có phản ánh thay đổi.',
  tiles: 'Chỉ số chính',
  overdueNow: 'Đang quá hạn',
  overdueNowHint: 'Phản ánh chưa xử lý xong đã quá hạn của bước hiện tại',
  dueThisWeek: 'Đến hạn trong 7 ngày',
  dueThisWeekHint: 'Phản ánh chưa xử lý xong sẽ đến hạn trong 7 ngày tới',
  received: 'Tiếp nhận',
  resolved: 'Đã trả lời',
  answeredLate: 'Trả lời trễ hạn',
  answeredLateHint: 'Theo API chỉ số (KPI): phản ánh trong kỳ đã trả lời sau hạn',
  onTimeShare: 'Tỷ lệ đúng hạn',
  inProgress: 'Đang xử lý',
  trendUp: (n) => `tăng ${n} so với kỳ trước`,
  trendDown: (n) => `giảm ${n} so với kỳ trước`,
  trendSame: 'không đổi so với kỳ trước',
  trendNone: 'kỳ trước chưa có số liệu',
  byUnit: 'Theo đơn vị',
  byCategory: 'Theo lĩnh vực',
  groupBy: 'Xem theo',
  name: 'Tên',
  noUnit: 'Chưa chuyển đơn vị',
  noCategory: 'Chưa phân loại',
  tableHint: 'Bảng cuộn ngang trên màn hình hẹp.',
};

const en: OverviewMessages = {
  heading: 'Operations overview',
  period: (from, to, days) => `Last ${days} days: ${from} – ${to}`,
  previous: (from, to) => `Against the previous period: ${from} – ${to}`,
  days: 'Days in the period',
  reload: 'Reload',
  loading: 'Loading the figures…',
  signedOut: 'Sign in to see the overview.',
  forbidden: 'Your account may not see these figures.',
  failed: (id) => `The figures could not be loaded. Please try again${id ? ` (request ${id})` : ''}.`,
  empty: 'No reports in this period yet.',
  readAt: (when) => `Updated ${when}`,
  live: 'The figures update themselves when reports change.',
  tiles: 'Key figures',
  overdueNow: 'Overdue now',
  overdueNowHint: 'Open reports past the deadline of their current step',
  dueThisWeek: 'Due within 7 days',
  dueThisWeekHint: 'Open reports whose deadline falls in the next 7 days',
  received: 'Received',
  resolved: 'Answered',
  answeredLate: 'Answered late',
  answeredLateHint: 'As the KPI API counts: reports of the period answered after their deadline',
  onTimeShare: 'On time',
  inProgress: 'In progress',
  trendUp: (n) => `up ${n} on the previous period`,
  trendDown: (n) => `down ${n} on the previous period`,
  trendSame: 'same as the previous period',
  trendNone: 'no figures for the previous period',
  byUnit: 'By unit',
  byCategory: 'By category',
  groupBy: 'Show',
  name: 'Name',
  noUnit: 'No unit yet',
  noCategory: 'Not classified',
  tableHint: 'The table scrolls sideways on narrow screens.',
};

export const OVERVIEW_MESSAGES: Readonly<Record<Lang, OverviewMessages>> = { vi, en };
