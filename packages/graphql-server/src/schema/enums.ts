import {
  CHANNELS,
  DomainErrorCode,
  KpiGroupBy,
  REPORT_EVENT_TYPES,
  REPORT_STATUSES,
  RejectionReason,
  ResolutionOutcome,
  SlaOutcome,
  SlaStageName,
  SlaStageState,
  STAFF_ROLES,
} from '@paht/core';
import { builder } from '../builder.js';

export const ReportStatusEnum = builder.enumType('ReportStatus', { values: REPORT_STATUSES });
export const ReportEventTypeEnum = builder.enumType('ReportEventType', { values: REPORT_EVENT_TYPES });
export const ReportVisibilityEnum = builder.enumType('ReportVisibility', { values: ['PUBLIC', 'PRIVATE'] as const });
export const ReportAccessEnum = builder.enumType('ReportAccess', {
  description: 'PUBLIC: seen by tracking code alone. CITIZEN: seen with the report secret.',
  values: ['PUBLIC', 'CITIZEN'] as const,
});
export const ChannelEnum = builder.enumType('Channel', { values: CHANNELS });
export const RejectionReasonEnum = builder.enumType('RejectionReason', { values: Object.values(RejectionReason) });
export const ResolutionOutcomeEnum = builder.enumType('ResolutionOutcome', {
  description: 'How an answer ends a report: FIXED, or NOT_FIXED (“closed – not fixed”: the unit cannot or will not act; a reason is required). NOT_FIXED is never counted as resolved.',
  values: Object.values(ResolutionOutcome),
});
export const SlaOutcomeEnum = builder.enumType('SlaOutcome', { values: Object.values(SlaOutcome) });
export const SlaStageNameEnum = builder.enumType('SlaStageName', { values: Object.values(SlaStageName) });
export const SlaStageStateEnum = builder.enumType('SlaStageState', { values: Object.values(SlaStageState) });
export const KpiGroupByEnum = builder.enumType('KpiGroupBy', { values: Object.values(KpiGroupBy) });
export const ErrorCodeEnum = builder.enumType('ErrorCode', { values: Object.values(DomainErrorCode) });
export const StaffRoleEnum = builder.enumType('StaffRole', { values: STAFF_ROLES });
