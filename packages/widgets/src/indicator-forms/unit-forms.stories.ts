import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './unit-forms.js';
import type { DraftStatus } from './unit-forms-draft.js';
import type { EntryState, FormsState } from './unit-forms-model.js';
import { DRAFT_SAVED_AT, ENTRY_DRAFT, ENTRY_NEW, ENTRY_REFUSED, ENTRY_SUBMITTED, FORM_INDICATORS, FORM_ROWS, ME } from './unit-forms-story-fixtures.js';

interface Args {
  lang: string;
  state: FormsState;
  entry: EntryState;
  notice: { ok: boolean; text: string } | null;
  draft: DraftStatus;
  width: string;
}

const meta: Meta<Args> = {
  title: 'Staff/Unit indicator forms',
  render: (a) => html`<div style=${`max-width:${a.width}`}>
    <paht-unit-forms lang=${a.lang} user-id=${ME} .state=${a.state} .entry=${a.entry} .notice=${a.notice} .draftStatus=${a.draft}></paht-unit-forms>
  </div>`,
  args: { lang: 'vi', state: { kind: 'ready', rows: FORM_ROWS, indicators: FORM_INDICATORS }, entry: { kind: 'none' }, notice: null, draft: { kind: 'none' }, width: '90rem' },
  argTypes: { lang: { control: 'inline-radio', options: ['vi', 'en'] } },
};
export default meta;
type Story = StoryObj<Args>;

const form = FORM_ROWS[0]!.form;

export const SignedOut: Story = { args: { state: { kind: 'idle' } } };
export const Loading: Story = { args: { state: { kind: 'loading' } } };
export const Failed: Story = { args: { state: { kind: 'failed', requestId: '4f1c2a9e-7d0b-4a51-9c1e-2b8f0c7d6e55' } } };
export const Forbidden: Story = { args: { state: { kind: 'forbidden' } } };
export const Empty: Story = { args: { state: { kind: 'ready', rows: [], indicators: FORM_INDICATORS } } };
export const List: Story = {};
export const ListEnglish: Story = { args: { lang: 'en' } };
export const ListPhone: Story = { args: { width: '375px' } };
export const EntryLoading: Story = { args: { entry: { kind: 'loading', formId: form.id, period: '2026-11' } } };
export const WrongPeriod: Story = {
  args: { entry: { kind: 'failed', form, period: '2026-Q4', error: 'Không thực hiện được (ValidationError): Kỳ báo cáo không đúng định dạng', problems: [{ path: 'period', message: 'Kỳ không đúng định dạng / is not a valid period' }] } },
};
export const NewPeriod: Story = { args: { entry: { kind: 'ready', entry: ENTRY_NEW } } };
export const NewPeriodEnglish: Story = { args: { lang: 'en', entry: { kind: 'ready', entry: ENTRY_NEW } } };
export const Submitted: Story = { args: { entry: { kind: 'ready', entry: ENTRY_SUBMITTED }, notice: { ok: true, text: 'Đã nộp số liệu điều chỉnh (lần 2).' } } };
export const SubmittedPhone: Story = { args: { width: '375px', entry: { kind: 'ready', entry: ENTRY_SUBMITTED } } };
export const CorrectionRefused: Story = { args: { entry: { kind: 'ready', entry: ENTRY_REFUSED } } };
export const CorrectionRefusedPhone: Story = { args: { width: '375px', entry: { kind: 'ready', entry: ENTRY_REFUSED } } };
export const Sending: Story = { args: { entry: { kind: 'ready', entry: { ...ENTRY_SUBMITTED, sending: true } } } };
export const DraftSaving: Story = { args: { entry: { kind: 'ready', entry: ENTRY_NEW }, draft: { kind: 'saving' } } };
export const DraftSaved: Story = { args: { entry: { kind: 'ready', entry: ENTRY_DRAFT }, draft: { kind: 'saved', at: DRAFT_SAVED_AT } } };
export const DraftSavedEnglish: Story = { args: { lang: 'en', entry: { kind: 'ready', entry: ENTRY_DRAFT }, draft: { kind: 'saved', at: DRAFT_SAVED_AT } } };
export const DraftRestored: Story = { args: { entry: { kind: 'ready', entry: ENTRY_DRAFT }, draft: { kind: 'restored', at: DRAFT_SAVED_AT } } };
export const DraftRestoredPhone: Story = { args: { width: '375px', entry: { kind: 'ready', entry: ENTRY_DRAFT }, draft: { kind: 'restored', at: DRAFT_SAVED_AT } } };
export const DraftNotSaved: Story = { args: { entry: { kind: 'ready', entry: ENTRY_DRAFT }, draft: { kind: 'failed' } } };
export const DraftConflict: Story = { args: { entry: { kind: 'ready', entry: ENTRY_DRAFT }, draft: { kind: 'conflict' } } };
