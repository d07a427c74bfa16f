import { listUnits, UNIT_KINDS, type NamedRef } from '@paht/core';
import { builder } from '../builder.js';
import { Node } from './node.js';

export type UnitShape = NamedRef & { kind?: (typeof UNIT_KINDS)[number]; parentId?: string | null };

export const UnitKindEnum = builder.enumType('UnitKind', { values: UNIT_KINDS });

/** A handling unit: the IOC, a department, a district or commune, an agency. */
export const Unit = builder.objectRef<UnitShape>('Unit').implement({
  interfaces: [Node],
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name', { description: 'Vietnamese name.' }),
    nameEn: t.exposeString('nameEn', { nullable: true }),
    kind: t.field({ type: UnitKindEnum, nullable: true, resolve: (u) => u.kind ?? null }),
    parentId: t.id({ nullable: true, resolve: (u) => u.parentId ?? null }),
  }),
});

builder.queryField('units', (t) =>
  t.field({
    type: [Unit],
    description: "The tenant's active units, ordered by code.",
    resolve: async (_root, _args, ctx) => (await listUnits(ctx.core, ctx.tenant.id)).filter((u) => u.active),
  }),
);
