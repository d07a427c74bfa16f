import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './answer-link.js';
import type { AnswerFormState, AnswerLinkState, AnswerLinkView } from './answer-link.component.js';
import { reportAt } from '../shared/story-fixtures.js';

interface Args {
  lang: string;
  state: AnswerLinkState;
  form: AnswerFormState;
  width: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Answer link',
  render: (a) => html`<div style=${`max-width:${a.width}`}>
    <paht-answer-link lang=${a.lang} report-id="r1" token="story" .state=${a.state} .form=${a.form}></paht-answer-link>
  </div>`,
  args: { lang: 'vi', state: { kind: 'idle' }, form: { sending: false, error: null, sent: false }, width: '48rem' },
  argTypes: { lang: { control: 'inline-radio', options: ['vi', 'en'] } },
};
export default meta;
type Story = StoryObj<Args>;

const view = (canAnswer = true): AnswerLinkView => ({ __typename: 'AnswerLinkView', expiresAt: '2026-03-09T02:00:00Z', canAnswer, report: reportAt('IN_PROGRESS') });
const ready = (canAnswer = true): AnswerLinkState => ({ kind: 'ready', view: view(canAnswer) });

export const NoLink: Story = { args: { state: { kind: 'no-link' } } };
export const Loading: Story = { args: { state: { kind: 'loading' } } };
export const Invalid: Story = { args: { state: { kind: 'refused', reason: 'INVALID' } } };
export const Expired: Story = { args: { state: { kind: 'refused', reason: 'EXPIRED' } } };
export const WrongReport: Story = { args: { state: { kind: 'refused', reason: 'WRONG_REPORT' } } };
export const Failed: Story = { args: { state: { kind: 'failed', requestId: '4f1c2a9e-7d0b-4a51-9c1e-2b8f0c7d6e55' } } };
export const Misconfigured: Story = { args: { state: { kind: 'misconfigured' } } };
export const Ready: Story = { args: { state: ready() } };
export const ReadyEnglish: Story = { args: { state: ready(), lang: 'en' } };
export const AnswerMissing: Story = { args: { state: ready(), form: { sending: false, error: 'Vui lòng nhập kết quả xử lý.', sent: false } } };
export const Sending: Story = { args: { state: ready(), form: { sending: true, error: null, sent: false } } };
export const Sent: Story = { args: { state: ready(false), form: { sending: false, error: null, sent: true } } };
export const AlreadyUsed: Story = { args: { state: ready(false) } };
export const Phone: Story = { args: { state: ready(), width: '375px' } };
