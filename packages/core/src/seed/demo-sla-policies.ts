import type { DemoSlaPolicy } from './demo-types.js';

/** One working day of the Vietnamese civil service: 07:30–11:30 and 13:30–17:00. */
export const WORKING_DAY_MINUTES = 7.5 * 60;

/**
 * The deadlines the demo tenants use. Working-clock policies count office
 * minutes (see VIETNAM_OFFICE_HOURS); urgent safety issues and outages of
 * essential services run on the calendar clock, day and night.
 */
export const DEMO_SLA_POLICIES: readonly DemoSlaPolicy[] = [
  {
    code: 'STANDARD',
    name: 'Thông thường: phân loại trong 4 giờ, tiếp nhận trong 8 giờ, xử lý trong 5 ngày làm việc',
    clock: 'WORKING',
    classifyMinutes: 4 * 60,
    acceptMinutes: 8 * 60,
    resolveMinutes: 5 * WORKING_DAY_MINUTES,
    warnRatio: 0.8,
  },
  {
    code: 'COMPLEX',
    name: 'Cần kiểm tra, xác minh: xử lý trong 10 ngày làm việc',
    clock: 'WORKING',
    classifyMinutes: 4 * 60,
    acceptMinutes: 8 * 60,
    resolveMinutes: 10 * WORKING_DAY_MINUTES,
    warnRatio: 0.8,
  },
  {
    code: 'URGENT_24H',
    name: 'Khẩn cấp (an ninh, an toàn, thiên tai): xử lý trong 24 giờ',
    clock: 'CALENDAR',
    classifyMinutes: 60,
    acceptMinutes: 2 * 60,
    resolveMinutes: 24 * 60,
    warnRatio: 0.75,
  },
  {
    code: 'OUTAGE_48H',
    name: 'Sự cố điện, nước sinh hoạt: khắc phục trong 48 giờ',
    clock: 'CALENDAR',
    classifyMinutes: 2 * 60,
    acceptMinutes: 4 * 60,
    resolveMinutes: 48 * 60,
    warnRatio: 0.75,
  },
  {
    code: 'MISCONDUCT',
    name: 'Phản ánh về cán bộ, công chức: xác minh, trả lời trong 15 ngày làm việc',
    clock: 'WORKING',
    classifyMinutes: 8 * 60,
    acceptMinutes: 16 * 60,
    resolveMinutes: 15 * WORKING_DAY_MINUTES,
    warnRatio: 0.8,
  },
];

/** A fresh copy of the shared policies, for a tenant's own list. */
export const demoSlaPolicies = (): DemoSlaPolicy[] => DEMO_SLA_POLICIES.map((p) => ({ ...p }));
