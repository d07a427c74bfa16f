import type { ReportStatus, TenantBranding } from '@paht/client-sdk/public';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './report-tracker.js';
import type { TrackerState } from './report-tracker.component.js';
import type { LiveState } from './live-status.js';
import type { RatingState } from './report-tracker.parts.js';
import type { CitizenAction, TextFormState } from './citizen-actions.js';
import { BRANDING, BRANDING_LIGHT, citizenActionsAt, LONG_TEXT, REFUSAL, reportAt } from '../shared/story-fixtures.js';

interface Args {
  lang: string;
  trackingCode: string;
  state: TrackerState;
  live: LiveState;
  rating: RatingState;
  reply: TextFormState;
  reopen: TextFormState;
  sent: CitizenAction | null;
  width: string;
  /** The tenant's branding (fixed; no request) and the `branding` attribute. */
  brand: TenantBranding | null;
  branding: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Report tracker',
  render: (a) => html`<div style=${`max-width:${a.width}`}>
    <paht-report-tracker lang=${a.lang} tracking-code=${a.trackingCode} .state=${a.state} .live=${a.live} .rating=${a.rating}
      .reply=${a.reply} .reopen=${a.reopen} .sent=${a.sent} .brand=${a.brand} branding=${a.branding}></paht-report-tracker>
  </div>`,
  args: { lang: 'vi', trackingCode: 'QT-123-456-789', state: { kind: 'idle' }, live: 'off', rating: { kind: 'idle', stars: 0, comment: '' },
    reply: { kind: 'idle', text: '', error: null }, reopen: { kind: 'idle', text: '', error: null }, sent: null, width: '48rem', brand: null, branding: 'tenant' },
  argTypes: { lang: { control: 'inline-radio', options: ['vi', 'en'] }, live: { control: 'inline-radio', options: ['connecting', 'live', 'off'] } },
};
export default meta;
type Story = StoryObj<Args>;

// With the secret, the steps the API lists for the status (TrackedReport.actions).
const citizen = (status: ReportStatus): Partial<Args> => ({
  state: { kind: 'found', access: 'CITIZEN', report: reportAt(status), actions: citizenActionsAt(status) },
  live: 'live',
});
const typed = 'Trước số nhà 120, cạnh cột điện.';

/** A report the department forwarded to its sub-unit, which is handling it. */
function forwarded() {
  const base = reportAt('IN_PROGRESS');
  const subUnit = { id: 'u2', code: 'BQLDA', name: 'Ban Quản lý dự án đầu tư xây dựng giao thông', nameEn: 'Transport Construction Project Board' };
  const at = (h: number) => new Date(Date.parse(base.submittedAt) + h * 3_600_000).toISOString();
  const timeline = [
    ...base.timeline.slice(0, 4),
    { seq: 5, type: 'FORWARD' as const, status: 'ASSIGNED' as const, at: at(4), note: null, unit: subUnit },
    { seq: 6, type: 'ACCEPT' as const, status: 'ACCEPTED' as const, at: at(5), note: null, unit: null },
    { seq: 7, type: 'EXTEND' as const, status: 'ACCEPTED' as const, at: at(6), note: 'Chờ nhà thầu bố trí máy thảm nhựa.', unit: null },
  ];
  return { ...base, status: 'ACCEPTED' as const, unit: { ...subUnit, kind: 'AGENCY' as const, parentId: 'u1' }, timeline, updatedAt: at(6) };
}

// Idle has no code: a code on a tracker looks it up at once.
export const Idle: Story = { args: { trackingCode: '' } };
export const Loading: Story = { args: { state: { kind: 'loading' } } };
export const NotFound: Story = { args: { state: { kind: 'not-found' } } };
export const WrongSecret: Story = { args: { state: { kind: 'wrong-secret' } } };
export const Offline: Story = { args: { state: { kind: 'offline' } } };
export const Failed: Story = { args: { state: { kind: 'failed', requestId: '4f1c2a9e-7d0b-4a51-9c1e-2b8f0c7d6e55' } } };
export const Misconfigured: Story = { args: { state: { kind: 'misconfigured', code: 'NO_ENDPOINT' } } };
export const Submitted: Story = { args: citizen('SUBMITTED') };
export const Classified: Story = { args: citizen('CLASSIFIED') };
export const Rejected: Story = { args: citizen('REJECTED') };
export const Assigned: Story = { args: citizen('ASSIGNED') };
export const Accepted: Story = { args: citizen('ACCEPTED') };
export const InProgress: Story = { args: citizen('IN_PROGRESS') };
export const WaitingForCitizen: Story = { args: citizen('WAITING_FOR_CITIZEN') };
export const Resolved: Story = { args: citizen('RESOLVED') };
export const PublishedWithRating: Story = { args: citizen('PUBLISHED') };
export const RatingMissingStars: Story = { args: { ...citizen('PUBLISHED'), rating: { kind: 'invalid', stars: 0, comment: '' } } };
export const ClosedRated: Story = { args: { ...citizen('CLOSED'), rating: { kind: 'done', stars: 5, comment: '' } } };
export const Overdue: Story = {
  args: { state: { kind: 'found', access: 'CITIZEN', report: reportAt('IN_PROGRESS', { sla: { outcome: 'OVERDUE', breached: true, stage: 'RESOLVE', state: 'BREACHED', dueAt: null } }) }, live: 'connecting' },
};
export const PublicView: Story = { args: { state: { kind: 'found', access: 'PUBLIC', report: reportAt('PUBLISHED', { sla: null }) } } };
// Progress only: the API names no unit, on the timeline either.
export const PrivateReportPublicView: Story = {
  args: { state: { kind: 'found', access: 'PUBLIC', report: reportAt('ASSIGNED', { title: null, description: null, unit: null, sla: null, timeline: reportAt('ASSIGNED').timeline.map((e) => ({ ...e, unit: null })) }) } },
};
// Each hop names the unit that received the report: the department, then its sub-unit.
export const ForwardedToSubUnit: Story = { args: { ...citizen('IN_PROGRESS'), state: { kind: 'found', access: 'CITIZEN', report: forwarded(), actions: [] } } };
export const LongVietnameseText: Story = {
  args: { state: { kind: 'found', access: 'CITIZEN', report: reportAt('PUBLISHED', { title: LONG_TEXT.slice(0, 180), description: LONG_TEXT, answer: LONG_TEXT }) }, live: 'live' },
};
export const English: Story = { args: { ...citizen('PUBLISHED'), lang: 'en' } };
export const NarrowPhone: Story = { args: { ...citizen('PUBLISHED'), width: '360px' } };

// The citizen's steps: answer the unit's question, reopen, rate.
export const ReplyMissing: Story = { args: { ...citizen('WAITING_FOR_CITIZEN'), reply: { kind: 'invalid', text: '', error: null } } };
export const ReplySending: Story = { args: { ...citizen('WAITING_FOR_CITIZEN'), reply: { kind: 'sending', text: typed, error: null } } };
export const ReplyRefused: Story = { args: { ...citizen('WAITING_FOR_CITIZEN'), reply: { kind: 'failed', text: typed, error: REFUSAL.vi } } };
export const ReplySent: Story = { args: { ...citizen('IN_PROGRESS'), sent: 'PROVIDE_INFO' } };
export const ReplyEnglish: Story = { args: { ...citizen('WAITING_FOR_CITIZEN'), lang: 'en', reply: { kind: 'failed', text: typed, error: REFUSAL.en } } };
export const ReopenMissing: Story = { args: { ...citizen('PUBLISHED'), reopen: { kind: 'invalid', text: '', error: null } } };
export const ReopenRefused: Story = { args: { ...citizen('PUBLISHED'), reopen: { kind: 'failed', text: 'Ổ gà vẫn còn.', error: 'Phản ánh đã chuyển sang bước khác nên chưa gửi được. Trang đã cập nhật tình trạng mới nhất.' } } };
export const Reopened: Story = { args: { ...citizen('IN_PROGRESS'), sent: 'REOPEN' } };
export const RatingRefused: Story = { args: { ...citizen('PUBLISHED'), rating: { kind: 'failed', stars: 4, comment: 'Ổn', error: REFUSAL.vi } } };
// Before assignment there is no date the unit must answer by; said so.
export const AnswerDueNotSetEnglish: Story = { args: { ...citizen('CLASSIFIED'), lang: 'en' } };

// The tenant's branding (tenantBranding): logo, name, and the status badge and buttons in its colour.
export const Branded: Story = { args: { ...citizen('PUBLISHED'), brand: BRANDING } };
// A light brand colour: dark text on the badge and the buttons.
export const BrandedLightColour: Story = { args: { ...citizen('PUBLISHED'), brand: BRANDING_LIGHT } };
export const BrandedNarrowPhone: Story = { args: { ...citizen('WAITING_FOR_CITIZEN'), brand: BRANDING, width: '360px' } };
