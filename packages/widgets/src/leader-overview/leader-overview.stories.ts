import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './leader-overview.js';
import type { OverviewGroup, OverviewState } from './leader-overview.component.js';
import { OVERVIEW_DATA } from '../staff/workspace-story-fixtures.js';

interface Args {
  lang: string;
  state: OverviewState;
  groupBy: OverviewGroup;
  width: string;
}

const meta: Meta<Args> = {
  title: 'Staff/Leader overview',
  render: (a) => html`<div style=${`max-width:${a.width}`}>
    <paht-leader-overview lang=${a.lang} group-by=${a.groupBy} refresh-seconds="0" .state=${a.state}></paht-leader-overview>
  </div>`,
  args: { lang: 'vi', state: { kind: 'ready', data: OVERVIEW_DATA }, groupBy: 'UNIT', width: '90rem' },
  argTypes: { lang: { control: 'inline-radio', options: ['vi', 'en'] }, groupBy: { control: 'inline-radio', options: ['UNIT', 'CATEGORY'] } },
};
export default meta;
type Story = StoryObj<Args>;

export const SignedOut: Story = { args: { state: { kind: 'idle' } } };
export const Loading: Story = { args: { state: { kind: 'loading' } } };
export const Failed: Story = { args: { state: { kind: 'failed', requestId: '4f1c2a9e-7d0b-4a51-9c1e-2b8f0c7d6e55' } } };
export const Forbidden: Story = { args: { state: { kind: 'forbidden' } } };
export const Empty: Story = {
  args: { state: { kind: 'ready', data: { ...OVERVIEW_DATA, total: null, previousTotal: null, open: { overdueNow: 0, dueThisWeek: 0 }, units: [], categories: [] } } },
};
export const ByUnit: Story = {};
export const ByCategory: Story = { args: { groupBy: 'CATEGORY' } };
export const English: Story = { args: { lang: 'en' } };
export const EnglishByCategory: Story = { args: { lang: 'en', groupBy: 'CATEGORY' } };
export const NoPreviousPeriod: Story = { args: { state: { kind: 'ready', data: { ...OVERVIEW_DATA, previousTotal: null } } } };
export const Phone: Story = { args: { width: '375px' } };
export const Desktop1440: Story = { args: { width: '1440px' } };
