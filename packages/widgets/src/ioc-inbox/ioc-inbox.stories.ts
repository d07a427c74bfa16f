import type { StaffRole } from '@paht/client-sdk/public';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './ioc-inbox.js';
import type { DetailState, InboxState } from './ioc-inbox.component.js';
import type { InboxDialog } from './inbox-dialogs.js';
import type { DuplicatesState } from './inbox-duplicates.js';
import { DEFAULT_FILTERS, type InboxFilters } from './inbox-model.js';
import { CATEGORIES, DETAIL, INBOX_REPORTS, STORY_NOW, UNITS } from '../staff/staff-story-fixtures.js';
import { DUPLICATES, NEW_DETAIL, TRIAGE_REPORTS } from './inbox-story-fixtures.js';

interface Args {
  lang: string;
  role: StaffRole;
  state: InboxState;
  filters: InboxFilters;
  selected: string[];
  active: number;
  dialog: InboxDialog | null;
  detail: DetailState;
  duplicates: DuplicatesState;
  notice: { ok: boolean; text: string } | null;
  width: string;
}

const meta: Meta<Args> = {
  title: 'Staff/IOC inbox',
  render: (a) => html`<div style=${`max-width:${a.width}`}>
    <paht-ioc-inbox lang=${a.lang} staff-role=${a.role} .state=${a.state} .categories=${CATEGORIES} .units=${UNITS} .filters=${a.filters}
      .selected=${a.selected} .active=${a.active} .dialog=${a.dialog} .detail=${a.detail} .duplicates=${a.duplicates} .notice=${a.notice} .now=${() => STORY_NOW}></paht-ioc-inbox>
  </div>`,
  args: {
    lang: 'vi',
    role: 'IOC_OPERATOR',
    state: { kind: 'ready', reports: INBOX_REPORTS, truncated: false },
    filters: DEFAULT_FILTERS,
    selected: [],
    active: 0,
    dialog: null,
    detail: { kind: 'none' },
    duplicates: { kind: 'none' },
    notice: null,
    width: '90rem',
  },
  argTypes: { lang: { control: 'inline-radio', options: ['vi', 'en'] } },
};
export default meta;
type Story = StoryObj<Args>;

type TriageDialog = Extract<InboxDialog, { ids: string[] }>;
const triage = (kind: TriageDialog['kind'], ids: string[], extra: Partial<TriageDialog> = {}): TriageDialog => ({ kind, ids, skipped: 0, sending: false, error: null, ...extra });

export const SignedOut: Story = { args: { state: { kind: 'idle' } } };
export const Loading: Story = { args: { state: { kind: 'loading' } } };
export const Empty: Story = { args: { state: { kind: 'ready', reports: [], truncated: false } } };
export const EmptyFiltered: Story = { args: { state: { kind: 'ready', reports: [], truncated: false }, filters: { ...DEFAULT_FILTERS, search: 'cay xanh' } } };
export const Failed: Story = { args: { state: { kind: 'failed', requestId: '4f1c2a9e-7d0b-4a51-9c1e-2b8f0c7d6e55' } } };
export const Forbidden: Story = { args: { state: { kind: 'forbidden' } } };
export const List: Story = {};
export const ListEnglish: Story = { args: { lang: 'en' } };
export const ListTruncated: Story = { args: { state: { kind: 'ready', reports: INBOX_REPORTS, truncated: true } } };
export const FilteredByChannel: Story = { args: { filters: { ...DEFAULT_FILTERS, channel: 'HOTLINE_1022' } } };
export const ReadOnlyLeader: Story = { args: { role: 'LEADER' } };
export const Selection: Story = { args: { selected: ['r1', 'r3'], active: 2 } };
export const AfterBulkAction: Story = { args: { notice: { ok: true, text: 'Đã xử lý 3/3 phản ánh.' } } };
export const PartlyRefused: Story = { args: { notice: { ok: false, text: 'Đã xử lý 1/2 phản ánh. Bị từ chối (ILLEGAL_TRANSITION): the report moved on.' } } };
export const DetailLoading: Story = { args: { detail: { kind: 'loading', id: 'r2' }, active: 1 } };
export const DetailOpen: Story = { args: { detail: { kind: 'ready', report: DETAIL }, active: 1 } };
export const DetailOpenEnglish: Story = { args: { lang: 'en', detail: { kind: 'ready', report: DETAIL }, active: 1 } };
export const DetailFailed: Story = { args: { detail: { kind: 'failed', id: 'r2' }, active: 1 } };
export const ClassifyDialog: Story = { args: { dialog: triage('classify', ['r3']) } };
export const BulkAssignDialog: Story = { args: { selected: ['r2', 'r4', 'r1'], dialog: { ...triage('assign', ['r2', 'r4']), skipped: 1 } } };
export const RejectDialog: Story = { args: { dialog: triage('reject', ['r5']) } };
export const RejectDuplicateRefused: Story = {
  args: { dialog: triage('reject', ['r5'], { rejection: 'DUPLICATE', error: 'Bị từ chối (NOT_FOUND): no report has the code QT-000-000-000.' }) },
};
export const Sending: Story = { args: { dialog: triage('classify', ['r3'], { sending: true }) } };
export const IntakeDialog: Story = { args: { dialog: { kind: 'intake', sending: false, error: null, done: null } } };
export const IntakeRefused: Story = { args: { dialog: { kind: 'intake', sending: false, error: 'Số điện thoại không hợp lệ.', done: null } } };
export const IntakeDone: Story = { args: { dialog: { kind: 'intake', sending: false, error: null, done: { trackingCode: 'QT-100-200-306', secret: 'k7Q2-m9Xp-4aTz' } } } };
export const ShortcutHelp: Story = { args: { dialog: { kind: 'help' } } };
export const ShortcutHelpEnglish: Story = { args: { lang: 'en', dialog: { kind: 'help' } } };
export const ContactLoading: Story = { args: { detail: { kind: 'ready', report: DETAIL }, dialog: { kind: 'contact', trackingCode: 'QT-100-200-302', contact: null, error: null } } };
export const ContactShown: Story = {
  args: {
    detail: { kind: 'ready', report: DETAIL },
    dialog: { kind: 'contact', trackingCode: 'QT-100-200-302', contact: { fullName: 'Nguyễn Văn An', phone: '+84912345678', email: null }, error: null },
  },
};
export const ContactRefused: Story = {
  args: { detail: { kind: 'ready', report: DETAIL }, dialog: { kind: 'contact', trackingCode: 'QT-100-200-302', contact: null, error: 'Bị từ chối (FORBIDDEN): not allowed.' } },
};
export const Phone: Story = { args: { width: '375px', detail: { kind: 'ready', report: DETAIL } } };

// Triage help: suggestions with their confidence, people affected, possible duplicates and merging.
const triageList: InboxState = { kind: 'ready', reports: TRIAGE_REPORTS, truncated: false };
const openNew = { state: triageList, active: 0, detail: { kind: 'ready', report: NEW_DETAIL } as DetailState };
const merge = (extra: Partial<Extract<InboxDialog, { kind: 'merge' }>> = {}): InboxDialog => ({
  kind: 'merge',
  id: 'r3',
  intoId: 'r6',
  laterCode: 'QT-100-200-303',
  originalCode: 'QT-100-200-306',
  sending: false,
  error: null,
  ...extra,
});
export const SuggestionsAndPeopleAffected: Story = { args: { state: triageList } };
export const SuggestionsAndPeopleAffectedEnglish: Story = { args: { lang: 'en', state: triageList } };
export const SuggestionsReadOnlyLeader: Story = { args: { role: 'LEADER', ...openNew, duplicates: { kind: 'ready', id: 'r3', items: DUPLICATES } } };
export const DetailWithDuplicates: Story = { args: { ...openNew, duplicates: { kind: 'ready', id: 'r3', items: DUPLICATES } } };
export const DetailWithDuplicatesEnglish: Story = { args: { lang: 'en', ...openNew, duplicates: { kind: 'ready', id: 'r3', items: DUPLICATES } } };
export const DuplicatesLoading: Story = { args: { ...openNew, duplicates: { kind: 'loading', id: 'r3' } } };
export const NoDuplicates: Story = { args: { ...openNew, duplicates: { kind: 'ready', id: 'r3', items: [] } } };
export const DuplicatesFailed: Story = { args: { ...openNew, duplicates: { kind: 'failed', id: 'r3' } } };
export const NoSuggestion: Story = {
  args: { ...openNew, state: { kind: 'ready', reports: TRIAGE_REPORTS.map((r) => ({ ...r, suggestions: [] })), truncated: false }, duplicates: { kind: 'ready', id: 'r3', items: [] } },
};
export const SuggestionAccepted: Story = { args: { state: triageList, notice: { ok: true, text: 'QT-100-200-303: đã phân loại Giao thông và chuyển Sở Giao thông vận tải.' } } };
export const MergeDialog: Story = { args: { ...openNew, duplicates: { kind: 'ready', id: 'r3', items: DUPLICATES }, dialog: merge() } };
export const MergeRefused: Story = {
  args: { ...openNew, duplicates: { kind: 'ready', id: 'r3', items: DUPLICATES }, dialog: merge({ error: 'Bị từ chối (ILLEGAL_TRANSITION): the original is finished.' }) },
};
export const Merged: Story = { args: { state: triageList, notice: { ok: true, text: 'Đã gộp QT-100-200-303 vào QT-100-200-306: 3 người cùng phản ánh.' } } };
export const PhoneWithDuplicates: Story = { args: { width: '375px', ...openNew, duplicates: { kind: 'ready', id: 'r3', items: DUPLICATES } } };
