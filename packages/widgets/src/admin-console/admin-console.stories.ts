import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './admin-console.js';
import type { AdminData, AdminDialog, AdminLoad, AdminSection } from './admin-model.js';
import { ADMIN_SECTIONS, EMPTY_ADMIN_DATA } from './admin-model.js';
import { ADMIN_DATA } from '../staff/workspace-story-fixtures.js';
import { FORMS, INDICATORS } from './indicator-story-fixtures.js';
import type { PreviewWidget } from './admin-settings.js';
import { SETTINGS_SCHEMA_FIXTURE } from './settings-schema.fixture.js';
import type { SettingProblem } from './settings-schema.js';

interface Args {
  lang: string;
  section: AdminSection;
  load: AdminLoad;
  data: AdminData;
  dialog: AdminDialog | null;
  notice: { ok: boolean; text: string } | null;
  problems: SettingProblem[];
  previewWidget: PreviewWidget;
  width: string;
}

/** The settings as read, with every setting the schema has, and the schema itself. */
const WITH_SCHEMA: AdminData = {
  ...ADMIN_DATA,
  settingsSchema: SETTINGS_SCHEMA_FIXTURE,
  settings: {
    ...ADMIN_DATA.settings!,
    notifications: { emailFrom: 'phananh@quangtri.gov.vn', emailFromName: 'Phản ánh hiện trường Quảng Trị', publicTrackerUrl: 'https://dichvucong.quangtri.gov.vn/tra-cuu?code={code}', sms: 'WHEN_NO_EMAIL', smsSender: 'QUANGTRI' },
    deadlines: { ratingReminderDays: 3, autoCloseDays: 7, focalPointGraceDays: 3 },
    officeHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, periods: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }] })),
    oidc: { issuer: 'https://sso.quangtri.gov.vn', audience: 'paht-console', jwksUrl: 'https://sso.quangtri.gov.vn/jwks', emailClaim: null, trustUnverifiedEmail: false },
    singleSignOn: true,
  },
};

const meta: Meta<Args> = {
  title: 'Staff/Admin console',
  render: (a) => html`<div style=${`max-width:${a.width}`}>
    <paht-admin-console lang=${a.lang} section=${a.section} .load=${a.load} .data=${a.data} .dialog=${a.dialog} .notice=${a.notice}
      .problems=${a.problems} .previewWidget=${a.previewWidget}></paht-admin-console>
  </div>`,
  args: { lang: 'vi', section: 'units', load: { kind: 'ready' }, data: ADMIN_DATA, dialog: null, notice: null, problems: [], previewWidget: 'stats', width: '90rem' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'] },
    section: { control: 'select', options: [...ADMIN_SECTIONS] },
  },
};
export default meta;
type Story = StoryObj<Args>;

const form = { sending: false, error: null };

export const SignedOut: Story = { args: { load: { kind: 'idle' } } };
export const Loading: Story = { args: { load: { kind: 'loading' } } };
export const Failed: Story = { args: { load: { kind: 'failed', requestId: '4f1c2a9e-7d0b-4a51-9c1e-2b8f0c7d6e55' } } };
export const Forbidden: Story = { args: { load: { kind: 'forbidden' } } };
export const UnitsAndFocalPoints: Story = {};
export const UnitsEnglish: Story = { args: { lang: 'en' } };
export const UnitsEmpty: Story = { args: { data: EMPTY_ADMIN_DATA } };
export const FocalPointsEmpty: Story = { args: { data: { ...ADMIN_DATA, focal: { unitId: 'u2', points: [] } } } };
export const Saved: Story = { args: { notice: { ok: true, text: 'Đã lưu. Thay đổi được ghi vào nhật ký.' } } };
export const Refused: Story = { args: { notice: { ok: false, text: 'Không lưu được (ConflictError): the unit has active sub-units' } } };
export const Categories: Story = { args: { section: 'categories' } };
export const CategoriesEnglish: Story = { args: { section: 'categories', lang: 'en' } };
export const CategoriesEmpty: Story = { args: { section: 'categories', data: EMPTY_ADMIN_DATA } };
export const Staff: Story = { args: { section: 'staff' } };
export const StaffEmpty: Story = { args: { section: 'staff', data: EMPTY_ADMIN_DATA } };
export const ApiKeys: Story = { args: { section: 'keys' } };
export const ApiKeysEmpty: Story = { args: { section: 'keys', data: EMPTY_ADMIN_DATA } };
export const Settings: Story = { args: { section: 'settings', data: WITH_SCHEMA } };
export const SettingsEnglish: Story = { args: { section: 'settings', lang: 'en', data: WITH_SCHEMA } };
export const SettingsWithoutSchema: Story = { args: { section: 'settings' } };
export const SettingsInvalid: Story = {
  args: {
    section: 'settings',
    data: WITH_SCHEMA,
    problems: [
      { path: 'deadlines.ratingReminderDays', message: 'Phải trong khoảng 1–60.' },
      { path: 'notifications.smsSender', message: 'Không đúng định dạng (must be a brandname of 1–11 letters, digits, space, ".", "-" or "_").' },
      { path: 'oidc.jwksUrl', message: 'Bắt buộc.' },
    ],
  },
};
export const SettingsPreviewForm: Story = { args: { section: 'settings', data: WITH_SCHEMA, previewWidget: 'form' } };
export const SettingsPreviewTracker: Story = { args: { section: 'settings', data: WITH_SCHEMA, previewWidget: 'tracker', lang: 'en' } };
export const AuditLog: Story = { args: { section: 'audit' } };
export const AuditLogEmpty: Story = { args: { section: 'audit', data: EMPTY_ADMIN_DATA } };
export const Calendar: Story = { args: { section: 'calendar' } };
export const CalendarEmpty: Story = { args: { section: 'calendar', data: EMPTY_ADMIN_DATA } };
export const AddUnitDialog: Story = { args: { dialog: { kind: 'unit', ...form } } };
export const AddUnitRefused: Story = { args: { dialog: { kind: 'unit', sending: false, error: 'Không lưu được (ConflictError): code SGTVT is taken' } } };
export const EditUnitDialog: Story = { args: { dialog: { kind: 'unit-edit', unit: ADMIN_DATA.units[1]!, ...form } } };
export const EditUnitRefused: Story = {
  args: { dialog: { kind: 'unit-edit', unit: ADMIN_DATA.units[4]!, sending: false, error: 'Không lưu được (ValidationError): parentId: a unit cannot be moved under itself or one of its sub-units' } },
};
export const FocalPointDialog: Story = { args: { dialog: { kind: 'focal', unitId: 'u1', ...form } } };
export const PolicyDialog: Story = { args: { section: 'categories', dialog: { kind: 'policy', policy: null, ...form } } };
export const CategoryDialog: Story = { args: { section: 'categories', dialog: { kind: 'category', category: ADMIN_DATA.categories[0]!, ...form } } };
export const CategoryDialogSending: Story = { args: { section: 'categories', dialog: { kind: 'category', category: null, sending: true, error: null } } };
export const StaffDialog: Story = { args: { section: 'staff', dialog: { kind: 'staff', ...form } } };
export const ApiKeyDialog: Story = { args: { section: 'keys', dialog: { kind: 'key', ...form, created: null } } };
export const ApiKeyShownOnce: Story = {
  args: { section: 'keys', dialog: { kind: 'key', ...form, created: { name: 'Cổng dịch vụ công tỉnh', key: 'pk_live_3fA9xQ7mZt2L8vKp4RwY6nB1cD5eF0gH' } } },
};
export const ApiKeyShownOnceEnglish: Story = { args: { ...ApiKeyShownOnce.args, lang: 'en' } };
export const RevokeDialog: Story = { args: { section: 'keys', dialog: { kind: 'revoke', id: 'k1', name: 'Cổng dịch vụ công tỉnh', ...form } } };
export const CalendarDayDialog: Story = { args: { section: 'calendar', dialog: { kind: 'calendar', ...form } } };
export const CalendarImportPreview: Story = {
  args: {
    section: 'calendar',
    dialog: {
      kind: 'ical',
      days: [
        { date: '2027-02-13', kind: 'WORKING_DAY', name: 'Làm bù Tết Nguyên đán' },
        { date: '2027-02-15', kind: 'HOLIDAY', name: 'Nghỉ Tết Nguyên đán' },
        { date: '2027-02-16', kind: 'HOLIDAY', name: 'Nghỉ Tết Nguyên đán' },
      ],
      ...form,
    },
  },
};
export const CalendarImportInvalid: Story = { args: { section: 'calendar', notice: { ok: false, text: 'Tệp không phải lịch iCalendar hợp lệ.' } } };
export const Indicators: Story = { args: { section: 'indicators' } };
export const IndicatorsEnglish: Story = { args: { section: 'indicators', lang: 'en' } };
export const IndicatorsEmpty: Story = { args: { section: 'indicators', data: EMPTY_ADMIN_DATA } };
export const IndicatorDialog: Story = { args: { section: 'indicators', dialog: { kind: 'indicator', indicator: null, ...form } } };
export const IndicatorEditDialog: Story = { args: { section: 'indicators', dialog: { kind: 'indicator', indicator: INDICATORS[5]!, ...form } } };
export const IndicatorFormulaRefused: Story = {
  args: {
    section: 'indicators',
    dialog: {
      kind: 'indicator',
      indicator: { ...INDICATORS[5]!, formula: 'TL_HS_DUNG_HAN * 2' },
      sending: false,
      error: 'Không lưu được (ValidationError): formula: Công thức tham chiếu vòng tới chính chỉ tiêu này / refers back to its own indicator',
      problems: [{ path: 'formula', message: 'Công thức tham chiếu vòng tới chính chỉ tiêu này / refers back to its own indicator' }],
    },
  },
};
export const IndicatorFormDialog: Story = { args: { section: 'indicators', dialog: { kind: 'indicator-form', form: null, ...form } } };
export const IndicatorFormEditDialog: Story = { args: { section: 'indicators', lang: 'en', dialog: { kind: 'indicator-form', form: FORMS[0]!, ...form } } };
export const IndicatorFormRefused: Story = {
  args: {
    section: 'indicators',
    dialog: {
      kind: 'indicator-form',
      form: null,
      sending: false,
      error: 'Không lưu được (ValidationError): items.0.indicatorId: has another periodicity than the form',
      problems: [
        { path: `items.${INDICATORS[2]!.id}`, message: 'Giá trị không hợp lệ / has another periodicity than the form' },
        { path: 'unitIds', message: 'Bắt buộc / is required' },
      ],
    },
  },
};
export const Phone: Story = { args: { width: '375px' } };
export const PhoneCategories: Story = { args: { width: '375px', section: 'categories' } };
export const PhoneSettings: Story = { args: { width: '375px', section: 'settings', data: WITH_SCHEMA } };
export const PhoneSettingsPreviewForm: Story = { args: { width: '375px', section: 'settings', data: WITH_SCHEMA, previewWidget: 'form' } };
export const PhoneEditUnitDialog: Story = { args: { ...EditUnitDialog.args, width: '375px' } };
export const PhoneIndicators: Story = { args: { width: '375px', section: 'indicators' } };
export const PhoneIndicatorFormulaRefused: Story = { args: { ...IndicatorFormulaRefused.args, width: '375px' } };
export const PhoneIndicatorFormDialog: Story = { args: { ...IndicatorFormEditDialog.args, width: '375px' } };
export const PhoneApiKeyShownOnce: Story = { args: { ...ApiKeyShownOnce.args, width: '375px' } };
