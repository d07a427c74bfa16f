import type { FieldIssue } from '@paht/core';
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
  description: 'An expected failure: nothing was changed. `message` is for developers; show your own text per type.',
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.code }),
    message: t.exposeString('message'),
  }),
});

const FieldIssueRef = builder.objectRef<FieldIssue>('FieldIssue').implement({
  description: 'One invalid input field: `path` is dotted from the input root (`reporter.phone`).',
  fields: (t) => ({ path: t.exposeString('path'), message: t.exposeString('message') }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input is malformed or incomplete; `fields` says where.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ fields: t.field({ type: [FieldIssueRef], resolve: (e) => [...e.fields] }) }),
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
