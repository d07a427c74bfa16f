import { assertCan, Permission, tenantSettingsChangeSchema } from '@paht/core';
import { builder } from '../builder.js';
import { ADMIN_QUERY_ERRORS, asAdmin, STAFF_ONLY } from './admin-shared.js';

type ZodLike = { _zod?: { def?: { error?: (issue: unknown) => unknown; checks?: ZodLike[] } } };

/** The custom message a schema (or one of its checks) declares, e.g. "must be 2–4 capital letters". */
function messageOf(schema: ZodLike): string | null {
  const def = schema._zod?.def;
  for (const candidate of [def, ...(def?.checks ?? []).map((c) => c._zod?.def)]) {
    const message = candidate?.error?.({});
    if (typeof message === 'string') return message;
  }
  return null;
}

/**
 * The settings change schema of core (`tenantSettingsChangeSchema`) as JSON
 * Schema (draft 2020-12, input side: defaults shown, nothing required that
 * has a default), each constraint's own message under `x-message`. Built
 * once: it changes only with the code.
 */
export const SETTINGS_JSON_SCHEMA = JSON.stringify(
  tenantSettingsChangeSchema.toJSONSchema({
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const message = messageOf(ctx.zodSchema as unknown as ZodLike);
      if (message) (ctx.jsonSchema as Record<string, unknown>)['x-message'] = message;
    },
  }),
);

builder.queryField('tenantSettingsSchema', (t) =>
  t.field({
    type: 'String',
    description:
      'Tenant admin: the JSON Schema (draft 2020-12, as JSON text) of `updateTenantSettings` input as the server checks it — types, ranges, patterns, choices, defaults, and each rule’s message under `x-message` — so a settings form derives its fields and checks from the one schema. Rules across fields (`deadlines.autoCloseDays` more than `ratingReminderDays`, office hours not overlapping) are checked on saving.',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_QUERY_ERRORS, directResult: false },
    resolve: (_r, _a, ctx) =>
      asAdmin(ctx, async (actor) => {
        assertCan(actor, Permission.CONFIG_MANAGE);
        return SETTINGS_JSON_SCHEMA;
      }),
  }),
);
