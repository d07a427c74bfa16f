import { readReporterContact } from '@paht/core';
import { builder } from '../builder.js';
import { requireStaff } from '../context.js';
import { callCore, ForbiddenError, NotFoundError } from '../errors/expected-errors.js';
import { STAFF_ONLY } from './admin-shared.js';
import { changesNothingPublic } from '../cache/public-facets.js';

interface ContactShape {
  reportId: string;
  fullName: string | null;
  phone: string | null;
  email: string | null;
}

const ReporterContact = builder.objectRef<ContactShape>('ReporterContact').implement({
  description:
    "How to reach the citizen who filed a report, to call them back. Only from `revealReporterContact`, whose every call is in the tenant's audit log. Never cache, log or forward it.",
  fields: (t) => ({
    reportId: t.exposeID('reportId'),
    fullName: t.exposeString('fullName', { nullable: true, description: 'Null when the citizen gave no name.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'E.164 (+84…); null when the citizen left none.' }),
    email: t.exposeString('email', { nullable: true }),
  }),
});

builder.mutationField('revealReporterContact', (t) =>
  t.field({
    type: ReporterContact,
    description:
      "Staff: open a report's reporter contact (name, phone, e-mail) to call the citizen back. Allowed to IOC operators and to the officers and leaders of the unit the report is assigned to now; recorded in the audit log (`report.contact.read`) with who read it and which fields, never the values. A mutation, not a field of `Report`: opening is a deliberate, audited act, and lists never open contacts. Other units, tenant admins, leaders and citizens get `ForbiddenError` and nothing is recorded.",
    errors: { types: [ForbiddenError, NotFoundError] },
    extensions: { ...STAFF_ONLY, ...changesNothingPublic },
    args: { reportId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const actor = requireStaff(ctx);
      const contact = await callCore(() => readReporterContact(ctx.core, ctx.tenant.id, actor, args.reportId));
      return { reportId: args.reportId, fullName: contact?.fullName ?? null, phone: contact?.phone ?? null, email: contact?.email ?? null };
    },
  }),
);
