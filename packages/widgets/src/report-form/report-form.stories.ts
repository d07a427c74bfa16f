import type { TenantBranding } from '@paht/client-sdk/public';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './report-form.js';
import type { Attachment } from './attachments.js';
import type { CategoriesState, FormPhase, ReportFormValues } from './report-form.component.js';
import type { NearbyReport, NearbyState } from './nearby-reports.js';
import { BRANDING, BRANDING_LIGHT, CATEGORIES, LONG_TEXT } from '../shared/story-fixtures.js';

interface Args {
  lang: string;
  categories: CategoriesState;
  phase: FormPhase;
  values: Partial<ReportFormValues>;
  errors: Record<string, string | undefined>;
  attachments: Attachment[];
  online: boolean;
  nearby: NearbyState;
  width: string;
  /** The tenant's branding (fixed; no request) and the `branding` attribute. */
  brand: TenantBranding | null;
  branding: string;
  /** The portal's own CSS on the wrapper (e.g. `--paht-color-primary`). */
  portal: string;
}

const ready: CategoriesState = { kind: 'ready', list: CATEGORIES };
const file = (name: string, type: string) => new File([new Uint8Array(2048)], name, { type });
const attachment = (name: string, type: string, state: Attachment['state'], percent: number, refusal: string | null = null): Attachment => ({
  key: name, file: file(name, type), localUrl: null, state, percent, uploaded: null, refusal,
});
const filled: Partial<ReportFormValues> = {
  categoryId: 'c1',
  title: 'Ổ gà lớn trên đường Hùng Vương',
  description: 'Ổ gà sâu khoảng 20cm trước số nhà 120, xe máy dễ té ngã vào ban đêm.',
  phone: '0912 345 678',
  consent: true,
  position: { lat: 16.8163, lng: 107.1003 },
};

const meta: Meta<Args> = {
  title: 'Widgets/Report form',
  // Tiles are off in the stories: the map shows its plain grid, as offline.
  render: (a) => html`<div style=${`max-width:${a.width};${a.portal}`}>
    <paht-report-form lang=${a.lang} tile-url="" .categories=${a.categories} .phase=${a.phase} .values=${{ ...EMPTY, ...a.values }}
      .errors=${a.errors} .attachments=${a.attachments} .online=${a.online} .nearby=${a.nearby} .brand=${a.brand} branding=${a.branding}></paht-report-form>
  </div>`,
  args: { lang: 'vi', categories: ready, phase: { kind: 'editing' }, values: {}, errors: {}, attachments: [], online: true, nearby: { kind: 'none' }, width: '48rem', brand: null, branding: 'tenant', portal: '' },
  argTypes: { lang: { control: 'inline-radio', options: ['vi', 'en'] } },
};
export default meta;
type Story = StoryObj<Args>;

const EMPTY: ReportFormValues = { categoryId: '', title: '', description: '', ward: '', address: '', phone: '', fullName: '', email: '', consent: false, position: null };

export const Empty: Story = {};
export const CategoriesLoading: Story = { args: { categories: { kind: 'loading' } } };
export const CategoriesFailed: Story = { args: { categories: { kind: 'failed' } } };
export const WithErrors: Story = {
  args: {
    values: { title: 'Ổ', phone: '12345' },
    errors: {
      title: 'Vui lòng nhập tiêu đề từ 5 đến 200 ký tự.',
      description: 'Vui lòng nhập nội dung từ 10 đến 5.000 ký tự.',
      location: 'Vui lòng ghim vị trí trên bản đồ hoặc nhập địa chỉ.',
      phone: 'Số điện thoại chưa đúng. Ví dụ: 0912 345 678.',
      consent: 'Vui lòng xác nhận cam kết để gửi phản ánh.',
    },
  },
};
export const Uploading: Story = {
  args: {
    values: filled,
    attachments: [
      attachment('o-ga-1.jpg', 'image/jpeg', 'uploaded', 100),
      attachment('o-ga-2.jpg', 'image/jpeg', 'uploading', 42),
      attachment('video-duong.mp4', 'video/mp4', 'waiting', 0),
      attachment('tai-lieu.exe', 'application/octet-stream', 'refused', 0, 'UNSUPPORTED_TYPE'),
    ],
  },
};
export const Submitting: Story = { args: { values: filled, phase: { kind: 'submitting' } } };
export const OfflineQueued: Story = { args: { values: filled, online: false, phase: { kind: 'queued' } } };
export const SendFailed: Story = { args: { values: filled, phase: { kind: 'failed', requestId: '4f1c2a9e-7d0b-4a51-9c1e-2b8f0c7d6e55' } } };
export const Done: Story = { args: { phase: { kind: 'done', trackingCode: 'QT-123-456-789', secret: 'k3Jd9-Qm2xP_7vTa0LwZ4nRb8YcE1sHf' } } };
export const LongVietnameseText: Story = {
  args: { values: { ...filled, categoryId: 'c3', title: LONG_TEXT.slice(0, 190), description: LONG_TEXT, address: 'Số 1234/56/78 đường Nguyễn Hoàng, khu phố 10, phường Đông Hà' } },
};
export const English: Story = { args: { lang: 'en', values: filled } };
export const NarrowPhone: Story = { args: { width: '360px', values: filled } };
export const NarrowPhoneDone: Story = { args: { width: '360px', phase: { kind: 'done', trackingCode: 'QT-123-456-789', secret: 'k3Jd9-Qm2xP_7vTa0LwZ4nRb8YcE1sHf' } } };

// The tenant's branding (tenantBranding): its logo, name and colours.
export const Branded: Story = { args: { brand: BRANDING, values: filled } };
export const BrandedEnglish: Story = { args: { brand: BRANDING, values: filled, lang: 'en' } };
export const BrandedDone: Story = { args: { brand: BRANDING, phase: { kind: 'done', trackingCode: 'HT-123-456-789', secret: 'k3Jd9-Qm2xP_7vTa0LwZ4nRb8YcE1sHf' } } };
// A light brand colour: dark text on the button, the links darkened to stay readable.
export const BrandedLightColour: Story = { args: { brand: BRANDING_LIGHT, values: filled } };
// branding="colors": the portal shows its own header; only the colours apply.
export const BrandedColoursOnly: Story = { args: { brand: BRANDING, branding: 'colors', values: filled } };
// The portal's own --paht-color-primary wins over the tenant's colour.
export const BrandedPortalColourWins: Story = { args: { brand: BRANDING, values: filled, portal: '--paht-color-primary:#116329' } };

// Before submitting: open reports of the same topic nearby, to join ("me too") instead of sending a duplicate.
const nearbyReport = (id: string, code: string, title: string, distanceMeters: number, supporterCount: number): NearbyReport => ({
  distanceMeters,
  report: { id, trackingCode: code, status: 'ASSIGNED', title, address: 'Đường Hùng Vương, phường Đông Hà', submittedAt: '2026-03-01T02:00:00Z', supporterCount, category: CATEGORIES[0]! },
});
const NEARBY: NearbyReport[] = [
  nearbyReport('n1', 'QT-100-200-306', 'Ổ gà giữa đường Hùng Vương gây nguy hiểm', 35, 2),
  nearbyReport('n2', 'QT-100-200-290', 'Mặt đường Hùng Vương hư hỏng, nhiều ổ gà sau mưa lớn kéo dài nhiều ngày', 160, 0),
];
const nearby = (extra: Partial<Extract<NearbyState, { kind: 'ready' }>> = {}): NearbyState => ({ kind: 'ready', items: NEARBY, supported: {}, sending: null, error: null, ...extra });
export const NearbyLoading: Story = { args: { values: filled, nearby: { kind: 'loading' } } };
export const NearbyReports: Story = { args: { values: filled, nearby: nearby() } };
export const NearbyReportsEnglish: Story = { args: { lang: 'en', values: filled, nearby: nearby() } };
export const NearbySending: Story = { args: { values: filled, nearby: nearby({ sending: 'n1' }) } };
export const NearbySupported: Story = { args: { values: filled, nearby: nearby({ supported: { n1: { people: 4, already: false } } }) } };
export const NearbyAlreadySupported: Story = { args: { lang: 'en', values: filled, nearby: nearby({ supported: { n1: { people: 3, already: true } } }) } };
export const NearbySupportFailed: Story = { args: { values: filled, nearby: nearby({ error: 'Chưa ghi nhận được. Vui lòng thử lại.' }) } };
export const NearbyNarrowPhone: Story = { args: { width: '360px', values: filled, nearby: nearby({ supported: { n1: { people: 4, already: false } } }) } };
