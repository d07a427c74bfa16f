import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { LiveConnectionState } from '@paht/client-sdk/public';
import { html } from 'lit';
import './staff-console.js';
import type { ConsolePhase, ConsoleProfile } from './staff-console.component.js';

interface Args {
  lang: string;
  phase: ConsolePhase;
  profile: ConsoleProfile | null;
  liveState: LiveConnectionState;
  signInOptions: { oidc: { issuer: string; clientId: string } | null } | null;
  width: string;
}

const meta: Meta<Args> = {
  title: 'Staff/Staff console',
  render: (a) => html`<div style=${`max-width:${a.width}`}>
    <paht-staff-console lang=${a.lang} .phase=${a.phase} .profile=${a.profile} .liveState=${a.liveState} .signInOptions=${a.signInOptions}></paht-staff-console>
  </div>`,
  args: { lang: 'vi', phase: { kind: 'signed-out', error: null }, profile: null, liveState: 'closed', signInOptions: null, width: '90rem' },
  argTypes: { lang: { control: 'inline-radio', options: ['vi', 'en'] }, liveState: { control: 'inline-radio', options: ['connecting', 'connected', 'closed'] } },
};
export default meta;
type Story = StoryObj<Args>;

const operator: ConsoleProfile = { email: 'ioc.quang-tri@example.gov.vn', role: 'IOC_OPERATOR' };

export const SignIn: Story = {};
export const SignInEnglish: Story = { args: { lang: 'en' } };
const sso = { oidc: { issuer: 'https://sso.quangtri.gov.vn', clientId: 'paht-console' } };
export const SignInWithSso: Story = { args: { signInOptions: sso } };
export const SignInWithSsoEnglish: Story = { args: { signInOptions: sso, lang: 'en' } };
export const SsoRedirecting: Story = { args: { signInOptions: sso, phase: { kind: 'signing-in', sso: true } } };
export const SsoRefused: Story = {
  args: { signInOptions: sso, phase: { kind: 'signed-out', error: 'Tài khoản định danh này chưa gắn với tài khoản cán bộ nào của đơn vị. Hãy liên hệ quản trị hệ thống.' } },
};
export const PhoneSignInWithSso: Story = { args: { signInOptions: sso, width: '375px' } };
export const SigningIn: Story = { args: { phase: { kind: 'signing-in' } } };
export const SignInRefused: Story = { args: { phase: { kind: 'signed-out', error: 'Thư điện tử hoặc mật khẩu không đúng.' } } };
export const Misconfigured: Story = { args: { phase: { kind: 'signed-out', error: 'Trang chưa cấu hình xong nên chưa đăng nhập được (mã lỗi NO_ENDPOINT).' } } };
export const ChangePassword: Story = { args: { phase: { kind: 'change-password', sending: false, error: null }, profile: { email: 'admin.quang-tri@example.gov.vn', role: 'TENANT_ADMIN' } } };
export const ChangePasswordRefused: Story = {
  args: { phase: { kind: 'change-password', sending: false, error: 'Mật khẩu mới cần ít nhất 12 ký tự.' }, profile: { email: 'admin.quang-tri@example.gov.vn', role: 'TENANT_ADMIN' } },
};
export const Connecting: Story = { args: { phase: { kind: 'signed-in' }, profile: operator, liveState: 'connecting' } };
export const Live: Story = { args: { phase: { kind: 'signed-in' }, profile: operator, liveState: 'connected' } };
export const LiveLost: Story = { args: { phase: { kind: 'signed-in' }, profile: operator, liveState: 'closed' } };
export const LiveEnglish: Story = { args: { lang: 'en', phase: { kind: 'signed-in' }, profile: operator, liveState: 'connected' } };
export const UnitOfficer: Story = { args: { phase: { kind: 'signed-in' }, profile: { email: 'chuyenvien.quang-tri@example.gov.vn', role: 'UNIT_OFFICER' }, liveState: 'connected' } };
export const Phone: Story = { args: { width: '375px', phase: { kind: 'signed-in' }, profile: operator, liveState: 'connected' } };
export const PhoneSignIn: Story = { args: { width: '375px' } };
