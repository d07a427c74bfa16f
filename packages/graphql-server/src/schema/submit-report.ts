import { submitReport, type SubmittedReport } from '@paht/core';
import { builder } from '../builder.js';
import { publishSubmitted } from '../live/publish-change.js';
import { callCore, ConflictError, ForbiddenError, ValidationError } from '../errors/expected-errors.js';
import { ChannelEnum } from './enums.js';
import { DateTime } from './scalars.js';
import { withoutNulls } from './without-nulls.js';
import { attachmentsFromUploads, withUploadPaths } from '../uploads/upload-attachments.js';
import { recordsPublicChanges } from '../cache/public-facets.js';

const ReporterInput = builder.inputType('ReporterInput', {
  description: 'Who reports: kept private, never shown to the public.',
  fields: (t) => ({
    fullName: t.string(),
    phone: t.string({ required: true, description: 'A Vietnamese phone number (0…, 84… or +84…, spaces and dots allowed); stored in E.164. Numbers of other countries are refused (INVALID_PHONE).' }),
    email: t.string(),
  }),
});

const SubmitReportInput = builder.inputType('SubmitReportInput', {
  description: 'A new report. Text fields are checked by the server, which answers with a ValidationError naming the fields.',
  fields: (t) => ({
    title: t.string({ required: true }),
    description: t.string({ required: true }),
    categoryId: t.id(),
    channel: t.field({ type: ChannelEnum, description: 'Default WEB. Anyone may say WEB or APP; the other (intake) channels are for signed-in staff taking a call, anyone else gets a ValidationError on `channel` (NOT_ALLOWED).' }),
    latitude: t.float(),
    longitude: t.float(),
    address: t.string(),
    areaCode: t.string(),
    reporter: t.field({ type: ReporterInput, required: true }),
    idempotencyKey: t.string({
      description:
        'A retry with the same key, from the same caller (anonymous, API key or staff account) and with the same input, returns the first report and its secret instead of filing a second one. Any other use of the key answers ConflictError.',
    }),
    uploadIds: t.idList({
      description: 'Files sent before to POST /uploads (at most 10): each id as it answered, valid 24 hours, of this tenant. Private until the report is published.',
    }),
  }),
});

const SubmitReportSuccess = builder.objectRef<SubmittedReport>('SubmitReportSuccess').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    trackingCode: t.exposeString('trackingCode'),
    secret: t.exposeString('secret', { description: 'Give it to the citizen: with the tracking code it lets them see and act on their report.' }),
    submittedAt: t.field({ type: DateTime, resolve: (r) => r.submittedAt }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this answers a retry with an idempotency key already used.' }),
  }),
});

builder.mutationField('submitReport', (t) =>
  t.field({
    type: SubmitReportSuccess,
    description: 'Files a report, as a citizen or (signed in) as an operator taking a call.',
    extensions: recordsPublicChanges,
    errors: { types: [ValidationError, ForbiddenError, ConflictError] },
    args: { input: t.arg({ type: SubmitReportInput, required: true }) },
    resolve: async (_root, { input: { uploadIds, ...input } }, ctx) => {
      const attachments = await attachmentsFromUploads(ctx, uploadIds?.map(String), 'uploadIds');
      const submitted = await withUploadPaths(() =>
        callCore(() => submitReport(ctx.core, ctx.tenant, { ...withoutNulls(input), attachments }, ctx.staff, { apiKeyId: ctx.apiKeyId ?? null })),
      );
      return publishSubmitted(ctx, submitted);
    },
  }),
);
