import {
  assertCan,
  closeFocalPoint,
  createUnit,
  listCalendarDays,
  listCategories,
  listFocalPoints,
  listSlaPolicies,
  listUnits,
  Permission,
  removeCalendarDay,
  setCalendarDay,
  setFocalPoint,
  updateUnit,
  upsertCategory,
  upsertSlaPolicy,
  type CalendarOverride,
  type CategoryRecord,
  type FocalPointRecord,
  type SlaPolicyRecord,
} from '@paht/core';
import { builder } from '../builder.js';
import { NotFoundError } from '../errors/expected-errors.js';
import { ADMIN_ERRORS, ADMIN_QUERY_ERRORS, asAdmin, STAFF_ONLY } from './admin-shared.js';
import { DateTime } from './scalars.js';
import { Unit, UnitKindEnum } from './unit.js';

// Tenant configuration for tenant admins: units and their tree, focal
// points (with history), SLA policies, categories, the working calendar.

const FocalRoleEnum = builder.enumType('FocalRole', { values: ['LEADER', 'STAFF'] as const });
const SlaClockEnum = builder.enumType('SlaClock', {
  description: 'WORKING: working minutes of the tenant calendar. CALENDAR: elapsed minutes.',
  values: ['WORKING', 'CALENDAR'] as const,
});
const CalendarDayKindEnum = builder.enumType('CalendarDayKind', {
  description: 'HOLIDAY: an extra day off (substitute holiday). WORKING_DAY: a make-up working day, or a national holiday taken back.',
  values: ['HOLIDAY', 'WORKING_DAY'] as const,
});

builder.objectField(Unit, 'active', (t) =>
  t.boolean({ description: 'false: deactivated (kept for history; not offered for new assignments).', resolve: (u) => (u as { active?: boolean }).active ?? true }),
);

const FocalPoint = builder.objectRef<FocalPointRecord>('FocalPoint').implement({
  description: 'A unit’s focal point (đầu mối) for one role, over the period it held the role.',
  fields: (t) => ({
    id: t.exposeID('id'),
    unitId: t.exposeID('unitId'),
    role: t.field({ type: FocalRoleEnum, resolve: (f) => f.role }),
    fullName: t.exposeString('fullName'),
    title: t.string({ nullable: true, resolve: (f) => f.title ?? null }),
    phone: t.string({ nullable: true, resolve: (f) => f.phone ?? null }),
    email: t.string({ nullable: true, resolve: (f) => f.email ?? null }),
    validFrom: t.field({ type: DateTime, resolve: (f) => f.validFrom }),
    validTo: t.field({ type: DateTime, nullable: true, description: 'null while current.', resolve: (f) => f.validTo }),
  }),
});

export const SlaPolicy = builder.objectRef<SlaPolicyRecord>('SlaPolicy').implement({
  description: 'Deadlines of a kind of report, in minutes of its clock.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    clock: t.field({ type: SlaClockEnum, resolve: (p) => p.clock }),
    classifyMinutes: t.exposeInt('classifyMinutes', { description: 'IOC: submission to assignment (classification included) or rejection; again from a unit’s return to the next assignment.' }),
    acceptMinutes: t.exposeInt('acceptMinutes', { description: 'Unit: assignment to acceptance.' }),
    resolveMinutes: t.exposeInt('resolveMinutes', { description: 'Unit: assignment to answer.' }),
    warnRatio: t.exposeFloat('warnRatio', { description: 'Share of a stage’s time after which it is in WARNING (and `slaAlerts` warns).' }),
  }),
});

const CategoryConfig = builder.objectRef<CategoryRecord>('CategoryConfig').implement({
  description: 'A category as tenant admins configure it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    nameEn: t.exposeString('nameEn'),
    isPublic: t.exposeBoolean('isPublic', { description: 'false: never shown publicly (officials’ misconduct).' }),
    active: t.exposeBoolean('active'),
    defaultUnitId: t.exposeID('defaultUnitId', { nullable: true }),
    slaPolicy: t.field({ type: SlaPolicy, resolve: (c) => c.slaPolicy }),
  }),
});

const CalendarDay = builder.objectRef<CalendarOverride>('CalendarDay').implement({
  description: 'The tenant’s own change to the national working calendar.',
  fields: (t) => ({
    date: t.exposeString('date', { description: 'YYYY-MM-DD (local).' }),
    kind: t.field({ type: CalendarDayKindEnum, resolve: (d) => d.kind }),
    name: t.exposeString('name'),
  }),
});

const RemovedCalendarDay = builder.objectRef<{ date: string }>('RemovedCalendarDay').implement({
  fields: (t) => ({ date: t.exposeString('date') }),
});

const CreateUnitInput = builder.inputType('CreateUnitInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    nameEn: t.string(),
    kind: t.field({ type: UnitKindEnum, required: true }),
    parentId: t.id({ description: 'Omit for a root unit.' }),
  }),
});

const UpdateUnitInput = builder.inputType('UpdateUnitInput', {
  description: 'What to change; omitted fields stay. Move with `moveUnit`, deactivate with `setUnitActive`.',
  fields: (t) => ({
    name: t.string(),
    nameEn: t.string({ description: 'null clears it.' }),
    kind: t.field({ type: UnitKindEnum }),
  }),
});

const FocalPointInput = builder.inputType('FocalPointInput', {
  fields: (t) => ({
    role: t.field({ type: FocalRoleEnum, required: true }),
    fullName: t.string({ required: true }),
    title: t.string(),
    phone: t.string(),
    email: t.string(),
  }),
});

const SlaPolicyInput = builder.inputType('SlaPolicyInput', {
  description: 'Created, or updated when the code exists. Minutes from 1 to 527040.',
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    clock: t.field({ type: SlaClockEnum, required: true }),
    classifyMinutes: t.int({ required: true }),
    acceptMinutes: t.int({ required: true }),
    resolveMinutes: t.int({ required: true }),
    warnRatio: t.float({ description: 'Between 0 and 1 (exclusive). Default 0.8.' }),
  }),
});

const CategoryInput = builder.inputType('CategoryInput', {
  description: 'Created, or updated when the code exists.',
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    slaPolicyCode: t.string({ required: true }),
    defaultUnitId: t.id(),
    isPublic: t.boolean({ description: 'Default true.' }),
    active: t.boolean({ description: 'Default true.' }),
  }),
});

const CalendarDayInput = builder.inputType('CalendarDayInput', {
  fields: (t) => ({
    date: t.string({ required: true, description: 'YYYY-MM-DD.' }),
    kind: t.field({ type: CalendarDayKindEnum, required: true }),
    name: t.string({ required: true, description: 'E.g. “Nghỉ bù Quốc khánh”.' }),
  }),
});

const configManager = (actor: Parameters<typeof assertCan>[0]) => assertCan(actor, Permission.CONFIG_MANAGE);
const orUndefined = <T>(v: T | null | undefined): T | undefined => v ?? undefined;

builder.queryFields((t) => ({
  adminUnits: t.field({
    type: [Unit],
    description: 'Tenant admin: every unit, inactive ones included, ordered by code (the tree is in `parentId`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_QUERY_ERRORS },
    resolve: (_r, _a, ctx) => asAdmin(ctx, async (actor) => {
        configManager(actor);
        return listUnits(ctx.core, ctx.tenant.id);
      }),
  }),
  focalPoints: t.field({
    type: [FocalPoint],
    description: 'Staff: a unit’s current focal points, or with `history` every one ever registered.',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_QUERY_ERRORS },
    args: { unitId: t.arg.id({ required: true }), history: t.arg.boolean() },
    resolve: (_r, a, ctx) => asAdmin(ctx, () => listFocalPoints(ctx.core, ctx.tenant.id, a.unitId, { history: a.history ?? false })),
  }),
  slaPolicies: t.field({
    type: [SlaPolicy],
    description: 'Tenant admin: the SLA policies.',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_QUERY_ERRORS },
    resolve: (_r, _a, ctx) => asAdmin(ctx, (actor) => listSlaPolicies(ctx.core, ctx.tenant.id, actor)),
  }),
  adminCategories: t.field({
    type: [CategoryConfig],
    description: 'Tenant admin: the active categories, private ones included, with their SLA policy.',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_QUERY_ERRORS },
    resolve: (_r, _a, ctx) => asAdmin(ctx, async (actor) => {
        configManager(actor);
        return listCategories(ctx.core, ctx.tenant.id, { includePrivate: true });
      }),
  }),
  calendarDays: t.field({
    type: [CalendarDay],
    description: 'Staff: the tenant’s own calendar days (national holidays are built in).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_QUERY_ERRORS },
    resolve: (_r, _a, ctx) => asAdmin(ctx, () => listCalendarDays(ctx.core, ctx.tenant.id)),
  }),
}));

builder.mutationFields((t) => ({
  createUnit: t.field({
    type: Unit,
    description: 'Tenant admin: a new unit, optionally under a parent. Audited (`unit.create`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { input: t.arg({ type: CreateUnitInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      asAdmin(ctx, (actor) =>
        createUnit(ctx.core, ctx.tenant.id, actor, { code: input.code, name: input.name, nameEn: orUndefined(input.nameEn), kind: input.kind, parentId: orUndefined(input.parentId) }),
      ),
  }),
  updateUnit: t.field({
    type: Unit,
    description: 'Tenant admin: rename a unit or change its kind. Audited (`unit.update`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateUnitInput, required: true }) },
    resolve: (_r, { id, input }, ctx) =>
      asAdmin(ctx, (actor) => updateUnit(ctx.core, ctx.tenant.id, actor, id, { name: orUndefined(input.name), nameEn: input.nameEn, kind: orUndefined(input.kind) })),
  }),
  moveUnit: t.field({
    type: Unit,
    description: 'Tenant admin: put a unit under another one (null: make it a root). Not under itself or its own sub-units. Audited (`unit.update`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { id: t.arg.id({ required: true }), parentId: t.arg.id() },
    resolve: (_r, { id, parentId }, ctx) => asAdmin(ctx, (actor) => updateUnit(ctx.core, ctx.tenant.id, actor, id, { parentId: parentId ?? null })),
  }),
  setUnitActive: t.field({
    type: Unit,
    description: 'Tenant admin: deactivate a unit (ConflictError while it has active sub-units) or reactivate it. Audited (`unit.deactivate` / `unit.update`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { id: t.arg.id({ required: true }), active: t.arg.boolean({ required: true }) },
    resolve: (_r, { id, active }, ctx) => asAdmin(ctx, (actor) => updateUnit(ctx.core, ctx.tenant.id, actor, id, { active })),
  }),
  setFocalPoint: t.field({
    type: FocalPoint,
    description: 'Tenant admin (any unit) or unit leader (own unit): register a new focal point; the current one of that role is closed now, kept in history. Audited (`focal-point.set`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { unitId: t.arg.id({ required: true }), input: t.arg({ type: FocalPointInput, required: true }) },
    resolve: (_r, { unitId, input }, ctx) =>
      asAdmin(ctx, (actor) =>
        setFocalPoint(ctx.core, ctx.tenant.id, actor, unitId, {
          role: input.role,
          fullName: input.fullName,
          title: orUndefined(input.title),
          phone: orUndefined(input.phone),
          email: orUndefined(input.email),
        }),
      ),
  }),
  closeFocalPoint: t.field({
    type: FocalPoint,
    description: 'Tenant admin or the unit’s leader: end a focal point’s term now, with no successor. Audited (`focal-point.close`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => asAdmin(ctx, (actor) => closeFocalPoint(ctx.core, ctx.tenant.id, actor, id)),
  }),
  upsertSlaPolicy: t.field({
    type: SlaPolicy,
    description: 'Tenant admin: create or update (by code) an SLA policy; open reports follow it from their next step. Audited (`sla-policy.upsert`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { input: t.arg({ type: SlaPolicyInput, required: true }) },
    resolve: (_r, { input }, ctx) => asAdmin(ctx, (actor) => upsertSlaPolicy(ctx.core, ctx.tenant.id, actor, { ...input, warnRatio: orUndefined(input.warnRatio) })),
  }),
  upsertCategory: t.field({
    type: CategoryConfig,
    description: 'Tenant admin: create or update (by code) a category. Audited (`category.upsert`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { input: t.arg({ type: CategoryInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      asAdmin(ctx, (actor) =>
        upsertCategory(ctx.core, ctx.tenant.id, actor, {
          code: input.code,
          name: input.name,
          nameEn: input.nameEn,
          slaPolicyCode: input.slaPolicyCode,
          defaultUnitId: input.defaultUnitId ?? null,
          isPublic: orUndefined(input.isPublic),
          active: orUndefined(input.active),
        }),
      ),
  }),
  setCalendarDay: t.field({
    type: CalendarDay,
    description: 'Tenant admin: add or replace a day off (HOLIDAY) or a make-up working day (WORKING_DAY). Deadlines follow from the next step. Audited (`calendar-day.set`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { input: t.arg({ type: CalendarDayInput, required: true }) },
    resolve: (_r, { input }, ctx) => asAdmin(ctx, (actor) => setCalendarDay(ctx.core, ctx.tenant.id, actor, input)),
  }),
  removeCalendarDay: t.field({
    type: RemovedCalendarDay,
    description: 'Tenant admin: remove the tenant’s own day on that date (the national rule applies again); NotFoundError when there is none. Audited (`calendar-day.remove`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { date: t.arg.string({ required: true, description: 'YYYY-MM-DD.' }) },
    resolve: (_r, { date }, ctx) =>
      asAdmin(ctx, async (actor) => {
        if (!(await removeCalendarDay(ctx.core, ctx.tenant.id, actor, date))) throw new NotFoundError('The tenant has no own calendar day on that date');
        return { date };
      }),
  }),
}));
