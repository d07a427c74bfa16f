import type { GraphQLField } from 'graphql';

/**
 * The schema's mark for a field that answers only to signed-in staff (its
 * resolver calls `requireStaff` or checks a staff permission), set in Pothos
 * as `extensions: { staffOnly: true }`:
 *
 * ```ts
 * builder.queryField('report', (t) => t.field({ type: Report, extensions: { staffOnly: true }, … }));
 * ```
 *
 * The privacy test does not follow marked fields from the public entry
 * points, so contact data may only be reached through one; the API
 * reference labels them "Staff only". The mark documents a check the
 * resolver makes; it does not make the check.
 */
export const STAFF_ONLY = 'staffOnly';

export function isStaffOnly(field: GraphQLField<unknown, unknown>): boolean {
  return field.extensions?.[STAFF_ONLY] === true;
}
