import type { Channel, RejectionReason, ReportStatus, SlaStageState, StaffRole } from '@paht/client-sdk/public';
import type { Lang } from '../shared/i18n.js';

/** Names staff read for statuses, channels, roles and deadlines, Vietnamese first. */
export interface StaffLabels {
  statuses: Record<ReportStatus, string>;
  channels: Record<Channel, string>;
  roles: Record<StaffRole, string>;
  rejections: Record<RejectionReason, string>;
  sla: Record<SlaStageState | 'NONE', string>;
}

const vi: StaffLabels = {
  statuses: {
    SUBMITTED: 'Mới tiếp nhận',
    CLASSIFIED: 'Chờ chuyển đơn vị',
    REJECTED: 'Không tiếp nhận',
    ASSIGNED: 'Đã chuyển đơn vị',
    ACCEPTED: 'Đơn vị đã nhận',
    IN_PROGRESS: 'Đang xử lý',
    WAITING_FOR_CITIZEN: 'Chờ người dân bổ sung',
    RESOLVED: 'Chờ công khai kết quả',
    PUBLISHED: 'Đã công khai',
    CLOSED: 'Đã đóng',
  },
  channels: {
    WEB: 'Cổng thông tin',
    APP: 'Ứng dụng',
    HOTLINE_1022: 'Tổng đài 1022',
    FANPAGE: 'Fanpage',
    ZALO: 'Zalo',
    EMAIL: 'Thư điện tử',
    OPEN311: 'Open311',
    AI_CALL_CENTRE: 'Tổng đài tự động',
  },
  roles: {
    IOC_OPERATOR: 'Điều phối viên IOC',
    UNIT_OFFICER: 'Chuyên viên đơn vị',
    UNIT_LEADER: 'Lãnh đạo đơn vị',
    TENANT_ADMIN: 'Quản trị hệ thống',
    LEADER: 'Lãnh đạo tỉnh',
  },
  rejections: { SPAM: 'Tin rác, quấy rối', DUPLICATE: 'Trùng phản ánh khác', OUT_OF_SCOPE: 'Không thuộc phạm vi tiếp nhận' },
  sla: { ON_TRACK: 'Trong hạn', WARNING: 'Sắp đến hạn', BREACHED: 'Quá hạn', MET: 'Đúng hạn', MISSED: 'Trễ hạn', NONE: 'Chưa có hạn' },
};

const en: StaffLabels = {
  statuses: {
    SUBMITTED: 'New',
    CLASSIFIED: 'Awaiting a unit',
    REJECTED: 'Rejected',
    ASSIGNED: 'Sent to a unit',
    ACCEPTED: 'Accepted by the unit',
    IN_PROGRESS: 'In progress',
    WAITING_FOR_CITIZEN: 'Waiting for the citizen',
    RESOLVED: 'Answer to publish',
    PUBLISHED: 'Published',
    CLOSED: 'Closed',
  },
  channels: {
    WEB: 'Web portal',
    APP: 'App',
    HOTLINE_1022: 'Hotline 1022',
    FANPAGE: 'Fanpage',
    ZALO: 'Zalo',
    EMAIL: 'E-mail',
    OPEN311: 'Open311',
    AI_CALL_CENTRE: 'Automated call centre',
  },
  roles: {
    IOC_OPERATOR: 'IOC operator',
    UNIT_OFFICER: 'Unit officer',
    UNIT_LEADER: 'Unit leader',
    TENANT_ADMIN: 'Administrator',
    LEADER: 'Provincial leader',
  },
  rejections: { SPAM: 'Spam or abuse', DUPLICATE: 'Duplicate of another report', OUT_OF_SCOPE: 'Out of scope' },
  sla: { ON_TRACK: 'On track', WARNING: 'Due soon', BREACHED: 'Overdue', MET: 'Met', MISSED: 'Missed', NONE: 'No deadline' },
};

export const STAFF_LABELS: Readonly<Record<Lang, StaffLabels>> = { vi, en };

/** A category's or unit's name in the language (the Vietnamese name when there is no English one). */
export const nameIn = (item: { name: string; nameEn?: string | null } | null | undefined, lang: Lang): string => (item ? (lang === 'en' && item.nameEn ? item.nameEn : item.name) : '');
