// `@paht/client-sdk/staff`: what the staff workspaces use, beside the public
// part (`@paht/client-sdk/public`): the staff client (`createClient`, with
// sign-in and the staff feeds), the staff helpers and the staff documents
// (src/operations/staff/). Their types are exported by the public part.

export { createClient, type PahtClient } from './staff-client.js';

export { getKpiFigures } from './helpers/kpi-figures.js';
export { listIndicators, getIndicatorFigure, listIndicatorSubmissions, defineIndicator, updateIndicator, submitIndicatorValue } from './helpers/indicators.js';
export { listIndicatorForms, getIndicatorFormStatus, defineIndicatorForm, updateIndicatorForm, archiveIndicatorForm, submitIndicatorForm, getIndicatorFormEntry, saveIndicatorFormDraft, discardIndicatorFormDraft } from './helpers/indicator-forms.js';
export {
  getReport,
  listReports,
  classifyReport,
  rejectReport,
  assignReport,
  acceptReport,
  returnReport,
  startReport,
  extendDeadline,
  requestInfo,
  resolveReport,
  publishReport,
  closeReport,
  revealReporterContact,
  type TransitionResult,
} from './helpers/staff.js';
export {
  adminUnits,
  createUnit,
  updateUnit,
  moveUnit,
  setUnitActive,
  adminCategories,
  upsertCategory,
  slaPolicies,
  upsertSlaPolicy,
  staffAccounts,
  createStaffAccount,
  setStaffAccountActive,
  apiKeys,
  createApiKey,
  revokeApiKey,
  calendarDays,
  setCalendarDay,
  removeCalendarDay,
  auditLog,
} from './helpers/admin.js';
export { listMyNotifications, unreadNotificationCount, markNotificationsRead, watchMyNotifications } from './helpers/notifications.js';
export { requestExport, exportJob } from './helpers/exports.js';
export { unitLeagueTable, reportStages } from './helpers/kpi-stages.js';
export { overviewKpis, focalPoints, setFocalPoint, closeFocalPoint, tenantSettings, updateTenantSettings } from './helpers/workspaces.js';
export { staffSignInOptions, signInWithOidc, tenantSettingsSchema } from './helpers/staff-sign-in.js';
export { listTriageReports, suggestClassification, findPossibleDuplicates, mergeReport } from './helpers/triage.js';
export {
  unitQueue,
  getUnitQueueReport,
  forwardReport,
  requestExtension,
  approveExtension,
  refuseExtension,
  draftAnswer,
  approveAnswer,
  sendBackAnswer,
  createAnswerLink,
} from './helpers/unit-queue.js';
export { listInboxReports, listStaffCategories, intakeReport, INTAKE_CHANNELS, type InboxReport, type InboxResult, type IntakeChannel } from './helpers/inbox.js';

// The first SDK version's name of the sign-in document (kept working): the generated one.
export { SignInDocument as SIGN_IN } from './generated/staff.js';

// The staff documents (`<Operation>Document`, `pnpm sdk:generate`).
export * from './generated/staff.js';
