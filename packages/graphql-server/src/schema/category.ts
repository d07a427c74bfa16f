import { listCategories, type NamedRef } from '@paht/core';
import { builder } from '../builder.js';
import { requireStaff } from '../context.js';
import { ForbiddenError } from '../errors/expected-errors.js';
import { STAFF_ONLY } from './admin-shared.js';
import { Node } from './node.js';

/** A kind of problem citizens report (Giao thông, Môi trường, …). */
export const Category = builder.objectRef<NamedRef>('Category').implement({
  interfaces: [Node],
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name', { description: 'Vietnamese name.' }),
    nameEn: t.exposeString('nameEn', { nullable: true }),
  }),
});

builder.queryField('categories', (t) =>
  t.field({
    type: [Category],
    description: "The tenant's public categories a citizen may choose from.",
    resolve: async (_root, _args, ctx) =>
      (await listCategories(ctx.core, ctx.tenant.id)).map((c) => ({ id: c.id, code: c.code, name: c.name, nameEn: c.nameEn })),
  }),
);

builder.queryField('staffCategories', (t) =>
  t.field({
    type: [Category],
    description:
      "Staff: the tenant's active categories, private ones included (complaints about officials and the like), to classify and filter reports by. Others get ForbiddenError.",
    errors: { types: [ForbiddenError] },
    extensions: STAFF_ONLY,
    resolve: async (_root, _args, ctx) => {
      requireStaff(ctx);
      return (await listCategories(ctx.core, ctx.tenant.id, { includePrivate: true })).map((c) => ({ id: c.id, code: c.code, name: c.name, nameEn: c.nameEn }));
    },
  }),
);
