import { listCategories, type NamedRef } from '@paht/core';
import { builder } from '../builder.js';
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
