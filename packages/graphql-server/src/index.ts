// The public contract of @paht/graphql-server.
export { buildApp, type BuildAppOptions } from './app.js';
export { DEFAULT_JOB_INTERVALS, type JobRunner, type JobRunSummary } from './jobs/job-runner.js';
export type { JobsOptions } from './jobs/attach-jobs.js';
export { schema } from './schema/index.js';
export type { GraphQLContext } from './context.js';
export { RequestErrorCode } from './context.js';
export { STAFF_TOKEN_TTL_SECONDS } from './auth/staff-token.js';
export { LocalDiskStorage } from './uploads/local-disk-storage.js';
export { sweepUnattachedUploads, type SweepResult } from './uploads/sweep-uploads.js';
export type { ByteRange, StoredObject, UploadStorage } from './uploads/upload-storage.js';
export { SmsSendError, type SmsMessage, type SmsProvider } from './notifications/sms-provider.js';
export { httpSmsGateway, type HttpSmsGatewayOptions } from './notifications/http-sms-gateway.js';
export { consoleSmsProvider, type SmsConsoleLog } from './notifications/console-sms.js';
export type { DeliveryResult, NotificationDeliveryOptions, NotificationDeliveryWorker, SmsMode, SmsOptions } from './notifications/notification-delivery.js';
