import type { TenantBranding } from '@paht/client-sdk/public';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './public-stats.js';
import type { StatsState } from './public-stats.component.js';
import type { FeedState } from './public-feed.js';
import type { IndicatorsState } from './public-indicators.js';
import { BRANDING, BRANDING_LIGHT, KPI_AREAS, KPI_MONTHS, KPI_TOTAL, KPI_UNITS, LONG_TEXT } from '../shared/story-fixtures.js';

interface Args {
  lang: string;
  groupBy: string;
  state: StatsState;
  feed: FeedState;
  indicators: IndicatorsState;
  width: string;
  /** The tenant's branding (fixed; no request) and the `branding` attribute. */
  brand: TenantBranding | null;
  branding: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Public statistics',
  render: (a) => html`<div style=${`max-width:${a.width}`}>
    <paht-public-stats lang=${a.lang} from="2023-04-01" to="2023-09-30" group-by=${a.groupBy} .state=${a.state} .feed=${a.feed} .indicators=${a.indicators} .brand=${a.brand} branding=${a.branding}></paht-public-stats>
  </div>`,
  args: { lang: 'vi', groupBy: 'UNIT', state: { kind: 'ready', data: { total: KPI_TOTAL, rows: KPI_UNITS, units: KPI_UNITS } }, feed: { kind: 'off' }, indicators: { kind: 'off' }, width: '64rem', brand: null, branding: 'tenant' },
  argTypes: { lang: { control: 'inline-radio', options: ['vi', 'en'] } },
};
export default meta;
type Story = StoryObj<Args>;

export const ByUnit: Story = {};
export const ByMonth: Story = { args: { groupBy: 'MONTH', state: { kind: 'ready', data: { total: KPI_TOTAL, rows: KPI_MONTHS, units: KPI_UNITS } } } };
// Areas by their names (the API's `area`), never by code; English names in English.
export const ByArea: Story = { args: { groupBy: 'AREA', state: { kind: 'ready', data: { total: KPI_TOTAL, rows: KPI_AREAS, units: KPI_UNITS } } } };
export const ByAreaEnglish: Story = { args: { ...ByArea.args, lang: 'en' } };
export const Loading: Story = { args: { state: { kind: 'loading' } } };
export const Empty: Story = { args: { state: { kind: 'ready', data: { total: null, rows: [], units: [] } } } };
export const Failed: Story = { args: { state: { kind: 'failed', requestId: '4f1c2a9e-7d0b-4a51-9c1e-2b8f0c7d6e55' } } };
export const Offline: Story = { args: { state: { kind: 'offline' } } };
export const Misconfigured: Story = { args: { state: { kind: 'misconfigured', code: 'NO_ENDPOINT' } } };
export const English: Story = { args: { lang: 'en' } };
export const NarrowPhone: Story = { args: { width: '360px' } };
export const WithRecentAnswers: Story = {
  args: {
    feed: {
      kind: 'ready',
      items: [
        { trackingCode: 'QT-123-456-789', title: 'Ổ gà lớn trên đường Hùng Vương', status: 'CLOSED', unit: { name: 'Sở Giao thông vận tải', nameEn: null }, submittedAt: '2023-09-20T02:00:00Z', resolvedAt: '2023-09-21T09:00:00Z', answer: 'Đã vá ổ gà ngày 21/9/2023.' },
        { trackingCode: 'QT-222-333-444', title: LONG_TEXT.slice(0, 150), status: 'PUBLISHED', unit: { name: 'UBND thành phố Đông Hà', nameEn: null }, submittedAt: '2023-09-18T02:00:00Z', resolvedAt: '2023-09-25T09:00:00Z', answer: LONG_TEXT },
      ],
    },
  },
};
export const RecentAnswersEmpty: Story = { args: { feed: { kind: 'ready', items: [] } } };

// The tenant's branding (tenantBranding): logo, name and colours.
export const Branded: Story = { args: { brand: BRANDING } };
export const BrandedLightColourEnglish: Story = { args: { brand: BRANDING_LIGHT, lang: 'en' } };
export const BrandedNarrowPhone: Story = { args: { brand: BRANDING, width: '360px' } };

// The tenant's public socio-economic indicators (indicators-period="2023"): a figure with its unit, the target and whether it is met.
const INDICATORS: IndicatorsState = {
  kind: 'ready',
  period: '2023',
  items: [
    { period: '2023', value: 512340.5, target: 500000, missesTarget: false, indicator: { code: 'RICE', name: 'Sản lượng lúa', nameEn: 'Rice output', unitOfMeasure: 'tấn', periodicity: 'MONTH', target: 500000, higherIsBetter: true } },
    { period: '2023', value: 6.12, target: 7, missesTarget: true, indicator: { code: 'GRDP_GROWTH', name: 'Tốc độ tăng trưởng GRDP', nameEn: 'GRDP growth', unitOfMeasure: '%', periodicity: 'QUARTER', target: 7, higherIsBetter: true } },
    { period: '2023', value: null, target: null, missesTarget: null, indicator: { code: 'POOR', name: 'Tỷ lệ hộ nghèo', nameEn: 'Poor households', unitOfMeasure: '%', periodicity: 'YEAR', target: null, higherIsBetter: false } },
  ],
};
export const WithIndicators: Story = { args: { indicators: INDICATORS } };
export const WithIndicatorsEnglish: Story = { args: { indicators: INDICATORS, lang: 'en' } };
export const IndicatorsEmpty: Story = { args: { indicators: { kind: 'ready', period: '2023', items: [] } } };
