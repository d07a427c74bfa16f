import { FieldIssueCode, type FieldIssue } from '@paht/core';
import { builder } from '../builder.js';
import {
  ConflictError,
  ExpectedError,
  ForbiddenError,
  IllegalTransitionError,
  NotFoundError,
  ValidationError,
} from '../errors/expected-errors.js';
import { ErrorCodeEnum, ReportStatusEnum } from './enums.js';

/** Every expected failure; clients can read `code` and `message` with one fragment. */
export const ErrorInterface = builder.interfaceRef<ExpectedError>('Error').implement({
  description:
    'An expected failure: nothing was changed. `message` is the developer’s detail (ValidationError: Vietnamese, then English); `messageVi` and `messageEn` are for citizens. Or switch on the type and write your own.',
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.code }),
    message: t.exposeString('message'),
    messageVi: t.string({ description: 'For citizens, in Vietnamese (ValidationError: every field issue).', resolve: (e) => e.messageVi }),
    messageEn: t.string({ description: 'For citizens, in English (ValidationError: every field issue).', resolve: (e) => e.messageEn }),
  }),
});

const FieldIssueCodeEnum = builder.enumType('FieldIssueCode', {
  description: 'Why a field was refused: stable, for clients that show their own text.',
  values: Object.values(FieldIssueCode),
});

const FieldIssueRef = builder.objectRef<FieldIssue>('FieldIssue').implement({
  description:
    'One invalid input field: `path` is dotted from the input root (`reporter.phone`, `uploadIds.2`). Messages never repeat the value sent; numbers in them are the rule\'s limits.',
  fields: (t) => ({
    path: t.exposeString('path'),
    code: t.field({ type: FieldIssueCodeEnum, resolve: (i) => i.code }),
    message: t.exposeString('message', { description: 'Vietnamese, then English: `"<vi> / <en>"`.' }),
    messageVi: t.exposeString('messageVi', { description: 'For citizens, in Vietnamese.' }),
    messageEn: t.exposeString('messageEn', { description: 'For citizens, in English.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input is malformed or incomplete; `fields` says where and why. `message` is Vietnamese, then English.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fields: t.field({ type: [FieldIssueRef], resolve: (e) => [...e.fields] }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'Not signed in, or the role or unit does not allow this.',
  interfaces: [ErrorInterface],
});

builder.objectType(IllegalTransitionError, {
  name: 'IllegalTransitionError',
  description: "The report's state does not allow this step.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ fromStatus: t.field({ type: ReportStatusEnum, nullable: true, resolve: (e) => e.fromStatus }) }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'Nothing with that id or tracking code exists in this tenant.',
  interfaces: [ErrorInterface],
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'Someone changed the same report at the same time; reload and retry.',
  interfaces: [ErrorInterface],
});
