import { queryAuditLog, type AuditEntry as AuditEntryRecord, type AuditLogPage as AuditLogPageRecord } from '@paht/core';
import { builder } from '../builder.js';
import { ADMIN_QUERY_ERRORS, asAdmin, STAFF_ONLY } from './admin-shared.js';
import { DateTime } from './scalars.js';

const AuditEntry = builder.objectRef<AuditEntryRecord>('AuditEntry').implement({
  description:
    'One change to the tenant’s configuration, a read of a reporter’s contact (`report.contact.read`), or an SLA alert the system sent; written in the same transaction as the change or the read.',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.field({ type: DateTime, resolve: (e) => e.at }),
    actorId: t.exposeID('actorId', { nullable: true, description: 'The staff member; null for the system (SLA alerts).' }),
    actorRole: t.exposeString('actorRole'),
    action: t.exposeString('action', { description: 'E.g. `unit.create`, `focal-point.set`, `api-key.revoke`, `report.contact.read`, `sla.breach`.' }),
    subjectType: t.exposeString('subjectType'),
    subjectId: t.exposeString('subjectId'),
    data: t.string({ description: 'What changed, as a JSON object.', resolve: (e) => JSON.stringify(e.data) }),
  }),
});

const AuditLogPage = builder.objectRef<AuditLogPageRecord>('AuditLogPage').implement({
  description: 'A page of the audit log, newest first.',
  fields: (t) => ({
    entries: t.field({ type: [AuditEntry], resolve: (p) => p.entries }),
    hasNextPage: t.exposeBoolean('hasNextPage'),
    endCursor: t.exposeString('endCursor', { nullable: true, description: 'Pass as `after` for the next page.' }),
  }),
});

const AuditLogFilter = builder.inputType('AuditLogFilter', {
  fields: (t) => ({
    actions: t.stringList({ description: 'Exact actions, e.g. ["unit.create", "unit.update"].' }),
    subjectType: t.string(),
    subjectId: t.string(),
    actorId: t.id(),
    from: t.field({ type: DateTime, description: 'At or after.' }),
    to: t.field({ type: DateTime, description: 'Before.' }),
  }),
});

builder.queryField('auditLog', (t) =>
  t.field({
    type: AuditLogPage,
    description: 'Tenant admins and leaders: the audit log, newest first, `first` (1–100, default 20) entries after the cursor `after`.',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_QUERY_ERRORS },
    args: { first: t.arg.int(), after: t.arg.string(), filter: t.arg({ type: AuditLogFilter }) },
    resolve: (_r, a, ctx) =>
      asAdmin(ctx, (actor) =>
        queryAuditLog(ctx.core, ctx.tenant.id, actor, {
          first: a.first ?? undefined,
          after: a.after,
          filter: {
            actions: a.filter?.actions ?? undefined,
            subjectType: a.filter?.subjectType ?? undefined,
            subjectId: a.filter?.subjectId ?? undefined,
            actorId: a.filter?.actorId ?? undefined,
            from: a.filter?.from ?? undefined,
            to: a.filter?.to ?? undefined,
          },
        }),
      ),
  }),
);
