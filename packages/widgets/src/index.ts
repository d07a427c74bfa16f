// The public contract of @paht/widgets. Side-effect free: import
// `@paht/widgets/report-form`, `/report-tracker` or `/public-stats` (or load
// dist/paht-widgets.js) to register the tags; for staff,
// `@paht/widgets/staff-console`, `/ioc-inbox` (or dist/staff-widgets.js).
export { PahtElement, type WidgetSettings } from './shared/paht-element.js';
export { WidgetErrorCode, widgetErrorCodeOf, type WidgetErrorDetail } from './shared/widget-errors.js';
export { PAGE_CONFIG_META, type PageConfigKey } from './shared/page-config.js';
export { LANGS, langOf, withOverrides, type Lang, type MessageOverrides } from './shared/i18n.js';
export { isVietnamesePhone } from './shared/phone.js';
export { groupForReading } from './shared/group-digits.js';
export { PahtReportForm, type ReportFormValues, type FormPhase, type CategoriesState, type FieldName } from './report-form/report-form.component.js';
export { REPORT_FORM_MESSAGES, type ReportFormMessages } from './report-form/report-form.messages.js';
export { PahtReportTracker, type TrackerState } from './report-tracker/report-tracker.component.js';
export { trackerMessages, formatInstant, TRACKER_LANGS, TRACKER_MESSAGES, type TrackerLang, type TrackerMessages } from './report-tracker/report-tracker.messages.js';
export { PahtPublicStats, type PublicStatsData, type StatsState } from './public-stats/public-stats.component.js';
export { PUBLIC_STATS_MESSAGES, type PublicStatsMessages } from './public-stats/public-stats.messages.js';
export { rankUnits, onTimeShare } from './public-stats/stats-math.js';
export { PahtStaffConsole, type ConsolePhase, type ConsoleProfile } from './staff-console/staff-console.component.js';
export { CONSOLE_MESSAGES, type ConsoleMessages } from './staff-console/staff-console.messages.js';
export { PahtIocInbox, type InboxState, type DetailState, type StaffReport } from './ioc-inbox/ioc-inbox.component.js';
export { INBOX_MESSAGES, type InboxMessages } from './ioc-inbox/ioc-inbox.messages.js';
export { inboxOrder, apiFilter, triageable, urgencyOf, peopleAffected, DEFAULT_FILTERS, IOC_QUEUE, type InboxFilters, type TriageAction } from './ioc-inbox/inbox-model.js';
export { suggestionFor, type Suggestion } from './ioc-inbox/inbox-suggestions.js';
export { PahtLeaderOverview, type OverviewState, type OverviewGroup } from './leader-overview/leader-overview.component.js';
export { OVERVIEW_MESSAGES, type OverviewMessages } from './leader-overview/leader-overview.messages.js';
export { overviewRows, openCounts, periodEnding, OPEN_STATUSES, type OverviewData, type OverviewRow, type OverviewPeriod } from './leader-overview/overview-model.js';
export { PahtAdminConsole } from './admin-console/admin-console.component.js';
export { ADMIN_MESSAGES, type AdminMessages } from './admin-console/admin-console.messages.js';
export { ADMIN_SECTIONS, unitTree, type AdminSection, type AdminData, type AdminDialog, type AdminLoad } from './admin-console/admin-model.js';
export { PahtUnitQueue, type QueueState, type QueueDetailState, type QueueDialog, type QueueReport, type QueueDetail } from './unit-queue/unit-queue.component.js';
export { QUEUE_MESSAGES, type QueueMessages } from './unit-queue/unit-queue.messages.js';
export { queueActions, QueueAction } from './unit-queue/queue-actions.js';
// The unit's indicator forms: types only here (the main entry is at its size budget); the class is `@paht/widgets/unit-forms`.
export type { PahtUnitForms } from './indicator-forms/unit-forms.component.js';
export type { UnitFormsMessages } from './indicator-forms/unit-forms.messages.js';
export type { FormRow, FormsState, EntryState, FormEntry } from './indicator-forms/unit-forms-model.js';
export { PahtAnswerLink, type AnswerLinkState, type AnswerFormState, type AnswerLinkView } from './answer-link/answer-link.component.js';
export { ANSWER_LINK_MESSAGES, type AnswerLinkMessages } from './answer-link/answer-link.messages.js';
export { StaffSession, type ReportChangeEvent } from './staff/staff-session.js';
export { STAFF_LABELS, type StaffLabels } from './staff/staff-labels.js';
export type { Category, Kpi, KpiGroupBy } from '@paht/client-sdk';
