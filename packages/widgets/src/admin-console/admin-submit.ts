import { type ApiKeyKind, type CalendarDayKind, type FocalRole, type SlaClock, type StaffRole, type UnitKind } from '@paht/client-sdk/public';
import { createApiKey, createStaffAccount, createUnit, moveUnit, revokeApiKey, setCalendarDay, setFocalPoint, updateUnit, upsertCategory, upsertSlaPolicy, type PahtClient } from '@paht/client-sdk/staff';
import { indicatorChange } from './admin-indicator-submit.js';
import { linesOf, type AdminDialog } from './admin-model.js';

/** A change a dialog asks for: its audit action, the API call, and the typename of its success. */
export interface DialogChange {
  kind: string;
  run: () => Promise<{ __typename: string }>;
  success: string;
  /** Keep the dialog open after the success (the new API key is shown in it). */
  keepDialog?: boolean;
}

/** The dialog's form, read as the API's change (the calendar import is the component's own). */
export function dialogChange(dialog: Exclude<AdminDialog, { kind: 'ical' }>, form: HTMLFormElement, client: PahtClient): DialogChange | null {
  const value = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement | RadioNodeList | null)?.value ?? '').trim();
  const optional = (name: string) => (value(name) ? { [name]: value(name) } : {});
  const checked = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.checked ?? false;
  switch (dialog.kind) {
    case 'unit':
      return {
        kind: 'unit.create',
        run: () => createUnit(client, { input: { code: value('code'), name: value('name'), kind: value('kind') as UnitKind, ...optional('nameEn'), ...optional('parentId') } }),
        success: 'Unit',
      };
    case 'unit-edit': {
      const u = dialog.unit;
      const changes = {
        ...(value('name') !== u.name ? { name: value('name') } : {}),
        ...(value('nameEn') !== (u.nameEn ?? '') ? { nameEn: value('nameEn') || null } : {}),
        ...(value('kind') && value('kind') !== u.kind ? { kind: value('kind') as UnitKind } : {}),
      };
      const parentId = value('parentId') || null;
      return {
        kind: 'unit.update',
        // Two audited changes (unit.update each): the names first, then the move; a refused move leaves the names saved.
        run: async () => {
          if (Object.keys(changes).length) {
            const updated = await updateUnit(client, { id: u.id, input: changes });
            if (updated.__typename !== 'Unit') return updated;
          }
          return parentId !== (u.parentId ?? null) ? moveUnit(client, { id: u.id, parentId }) : { __typename: 'Unit' };
        },
        success: 'Unit',
      };
    }
    case 'focal':
      return {
        kind: 'focal-point.set',
        run: () => setFocalPoint(client, { unitId: dialog.unitId, input: { role: value('role') as FocalRole, fullName: value('fullName'), ...optional('title'), ...optional('phone'), ...optional('email') } }),
        success: 'FocalPoint',
      };
    case 'policy':
      return {
        kind: 'sla-policy.upsert',
        run: () =>
          upsertSlaPolicy(client, {
            input: {
              code: value('code'),
              name: value('name'),
              clock: value('clock') as SlaClock,
              classifyMinutes: Number(value('classifyMinutes')),
              acceptMinutes: Number(value('acceptMinutes')),
              resolveMinutes: Number(value('resolveMinutes')),
              ...(value('warnRatio') ? { warnRatio: Number(value('warnRatio')) } : {}),
            },
          }),
        success: 'SlaPolicy',
      };
    case 'category':
      return {
        kind: 'category.upsert',
        run: () =>
          upsertCategory(client, {
            input: {
              code: value('code'),
              name: value('name'),
              nameEn: value('nameEn'),
              slaPolicyCode: value('slaPolicyCode'),
              isPublic: checked('isPublic'),
              active: checked('active'),
              ...(value('defaultUnitId') ? { defaultUnitId: value('defaultUnitId') } : {}),
            },
          }),
        success: 'CategoryConfig',
      };
    case 'staff':
      return {
        kind: 'staff.create',
        run: () => createStaffAccount(client, { input: { email: value('email'), fullName: value('fullName'), role: value('role') as StaffRole, ...optional('unitId'), ...optional('password') } }),
        success: 'StaffAccount',
      };
    case 'key': {
      const origins = linesOf((form.elements.namedItem('allowedOrigins') as HTMLTextAreaElement).value);
      return {
        kind: 'api-key.create',
        run: () => createApiKey(client, { input: { name: value('name'), kind: value('kind') as ApiKeyKind, ...(origins.length ? { allowedOrigins: origins } : {}) } }),
        success: 'NewApiKey',
        keepDialog: true,
      };
    }
    case 'revoke':
      return { kind: 'api-key.revoke', run: () => revokeApiKey(client, dialog.id), success: 'ApiKey' };
    case 'indicator':
    case 'indicator-form':
      return indicatorChange(dialog, form, client);
    case 'calendar':
      return { kind: 'calendar-day.set', run: () => setCalendarDay(client, { input: { date: value('date'), kind: value('kind') as CalendarDayKind, name: value('name') } }), success: 'CalendarDay' };
  }
}
