import { ErrorCode, getReportForStaff, isDomainError, isUuid, listCategories, listUnits } from '@paht/core';
import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import type { GraphQLContext } from '../context.js';
import { fromStaffView } from './report-shape.js';

/**
 * Relay's object identification. Our ids are UUIDs, unique across every
 * type and tenant, so an object's `id` is already global: the same id in
 * the API, Open311, links, the audit log and the database (ADR 0005). The
 * `node` field finds which type an id belongs to.
 */
export const Node = builder.interfaceRef<{ id: string }>('Node').implement({
  description: 'An object with a globally unique id (a UUID), refetchable with `node(id:)`.',
  fields: (t) => ({ id: t.exposeID('id') }),
  resolveType: (value) => typeOfNode.get(value) ?? null,
});

/** The GraphQL type of each object the `node` field returned. */
const typeOfNode = new WeakMap<object, 'Report' | 'Unit' | 'Category'>();
const tagged = <T extends object>(type: 'Report' | 'Unit' | 'Category', value: T): T => {
  typeOfNode.set(value, type);
  return value;
};

/** The objects with these ids, in order; null for each one not found or not visible to the caller. */
async function findNodes(ctx: GraphQLContext, ids: readonly string[]): Promise<Array<{ id: string } | null>> {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return ids.map(() => null);
  const units = new Map((await listUnits(ctx.core, ctx.tenant.id)).filter((u) => u.active).map((u) => [u.id, u]));
  const categories = new Map((await listCategories(ctx.core, ctx.tenant.id, { includePrivate: ctx.staff !== null })).map((c) => [c.id, c]));
  return Promise.all(
    ids.map(async (id) => {
      if (!isUuid(id)) return null;
      const unit = units.get(id);
      if (unit) return tagged('Unit', { ...unit });
      const category = categories.get(id);
      if (category) return tagged('Category', { id: category.id, code: category.code, name: category.name, nameEn: category.nameEn });
      // Reports by id are for staff who may read them; the public finds reports by tracking code.
      if (!ctx.staff) return null;
      try {
        return tagged('Report', fromStaffView(await getReportForStaff(ctx.core, ctx.tenant.id, ctx.staff, id)));
      } catch (error) {
        if (isDomainError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
        throw error;
      }
    }),
  );
}

/** Most ids `nodes` takes at once. */
const MAX_NODES = 100;

builder.queryField('node', (t) =>
  t.field({
    type: Node,
    nullable: true,
    description: 'Any object of this tenant by id: units and categories for everyone, reports for staff allowed to read them. Null when not found or not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => (await findNodes(ctx, [String(args.id)]))[0] ?? null,
  }),
);

builder.queryField('nodes', (t) =>
  t.field({
    type: [Node],
    nullable: { list: false, items: true },
    description: 'Several objects by id, in the order given (at most 100); null for each one not found or not visible.',
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, args, ctx) => {
      if (args.ids.length > MAX_NODES) {
        throw new GraphQLError(`Tối đa ${MAX_NODES} id một lần / at most ${MAX_NODES} ids at once`, { extensions: { code: ErrorCode.BAD_USER_INPUT } });
      }
      return findNodes(ctx, args.ids.map(String));
    },
  }),
);
