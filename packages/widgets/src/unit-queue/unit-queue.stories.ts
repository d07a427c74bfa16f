import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './unit-queue.js';
import type { QueueDetailState, QueueDialog, QueueState } from './unit-queue.component.js';
import { QUEUE_DETAIL, QUEUE_DETAIL_OFFICER, QUEUE_REPORTS, QUEUE_UNITS } from '../staff/workspace-story-fixtures.js';

interface Args {
  lang: string;
  state: QueueState;
  detail: QueueDetailState;
  dialog: QueueDialog | null;
  notice: { ok: boolean; text: string } | null;
  width: string;
}

const meta: Meta<Args> = {
  title: 'Staff/Unit queue',
  render: (a) => html`<div style=${`max-width:${a.width}`}>
    <paht-unit-queue lang=${a.lang} unit-id="u1" .units=${QUEUE_UNITS} .state=${a.state} .detail=${a.detail} .dialog=${a.dialog} .notice=${a.notice}></paht-unit-queue>
  </div>`,
  args: { lang: 'vi', state: { kind: 'ready', reports: QUEUE_REPORTS }, detail: { kind: 'none' }, dialog: null, notice: null, width: '90rem' },
  argTypes: { lang: { control: 'inline-radio', options: ['vi', 'en'] } },
};
export default meta;
type Story = StoryObj<Args>;

const officer: QueueDetailState = { kind: 'ready', report: QUEUE_DETAIL_OFFICER };
const leader: QueueDetailState = { kind: 'ready', report: QUEUE_DETAIL };
const dialog = (action: QueueDialog['action'], error: string | null = null): QueueDialog => ({ action, sending: false, error });

export const SignedOut: Story = { args: { state: { kind: 'idle' } } };
export const Loading: Story = { args: { state: { kind: 'loading' } } };
export const Empty: Story = { args: { state: { kind: 'ready', reports: [] } } };
export const Failed: Story = { args: { state: { kind: 'failed', requestId: '4f1c2a9e-7d0b-4a51-9c1e-2b8f0c7d6e55' } } };
export const Forbidden: Story = { args: { state: { kind: 'forbidden' } } };
export const List: Story = {};
export const ListEnglish: Story = { args: { lang: 'en' } };
export const DetailLoading: Story = { args: { detail: { kind: 'loading', id: 'q1' } } };
export const DetailFailed: Story = { args: { detail: { kind: 'failed', id: 'q1' } } };
export const OfficerDetail: Story = { args: { detail: officer } };
export const LeaderApprovals: Story = { args: { detail: leader } };
export const LeaderApprovalsEnglish: Story = { args: { detail: leader, lang: 'en' } };
export const Handled: Story = { args: { detail: officer, notice: { ok: true, text: 'Đã xử lý.' } } };
export const Refused: Story = { args: { detail: officer, notice: { ok: false, text: 'Bị từ chối (ILLEGAL_TRANSITION): the report moved on.' } } };
export const ForwardDialog: Story = { args: { detail: officer, dialog: dialog('FORWARD') } };
export const ReturnDialog: Story = { args: { detail: officer, dialog: dialog('RETURN') } };
export const AskCitizenDialog: Story = { args: { detail: officer, dialog: dialog('ASK') } };
export const ExtensionDialog: Story = { args: { detail: officer, dialog: dialog('REQUEST_EXTENSION') } };
export const AnswerDialog: Story = { args: { detail: officer, dialog: dialog('DRAFT_ANSWER') } };
export const AnswerRefused: Story = { args: { detail: officer, dialog: dialog('DRAFT_ANSWER', 'Bị từ chối (TOO_LARGE): Ảnh quá lớn / The photo is too large') } };
export const SendBackDialog: Story = { args: { detail: leader, dialog: dialog('SEND_BACK_ANSWER') } };
export const Phone: Story = { args: { width: '375px', detail: leader } };
export const PhoneAnswerDialog: Story = { args: { width: '375px', detail: officer, dialog: dialog('DRAFT_ANSWER') } };
export const AnswerLinkDialog: Story = { args: { detail: officer, dialog: dialog('ANSWER_LINK') } };
// The link is shown once, with its expiry; closing the dialog forgets it.
export const AnswerLinkShownOnce: Story = {
  args: {
    detail: officer,
    dialog: { ...dialog('ANSWER_LINK'), link: { url: 'https://congdan.quangtri.gov.vn/tra-loi#report=q1&token=eyJyIjoicTEifQ.c2lnbmF0dXJl', expiresAt: '2026-12-04T02:00:00Z', copied: true } },
  },
};
export const PhoneAnswerLinkShownOnce: Story = { args: { ...AnswerLinkShownOnce.args, width: '375px' } };
