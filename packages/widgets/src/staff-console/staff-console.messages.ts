import type { LiveConnectionState } from '@paht/client-sdk/public';
import type { Lang } from '../shared/i18n.js';

export interface ConsoleMessages {
  app: string;
  signInHeading: string;
  email: string;
  password: string;
  signIn: string;
  signingIn: string;
  signInFailed: string;
  signInError: (requestId: string | null) => string;
  misconfigured: (code: string) => string;
  changeHeading: string;
  changeIntro: string;
  newPassword: string;
  repeatPassword: string;
  passwordRules: string;
  tooShort: string;
  mismatch: string;
  changeSubmit: string;
  signOut: string;
  signedInAs: (email: string, role: string) => string;
  switchLang: string;
  switchLangLabel: string;
  live: Record<LiveConnectionState, string>;
  liveLabel: string;
  unitQueueSoon: string;
  required: string;
  or: string;
  signInWithSso: string;
  ssoHint: string;
  ssoRedirecting: string;
  ssoFailed: string;
  ssoNoAccount: string;
}

const vi: ConsoleMessages = {
  app: 'Bàn làm việc cán bộ — Phản ánh hiện trường',
  signInHeading: 'Đăng nhập',
  email: 'Thư điện tử công vụ',
  password: 'Mật khẩu',
  signIn: 'Đăng nhập',
  signingIn: 'Đang đăng nhập…',
  signInFailed: 'Thư điện tử hoặc mật khẩu không đúng.',
  signInError: (id) => `Không đăng nhập được lúc này. Vui lòng thử lại.${id ? ` (Mã yêu cầu: ${id})` : ''}`,
  misconfigured: (code) => `Trang chưa cấu hình xong nên chưa đăng nhập được (mã lỗi ${code}).`,
  changeHeading: 'Đổi mật khẩu',
  changeIntro: 'Bạn đăng nhập bằng mật khẩu dùng một lần. Hãy đặt mật khẩu mới để tiếp tục.',
  newPassword: 'Mật khẩu mới',
  repeatPassword: 'Nhập lại mật khẩu mới',
  passwordRules: 'Ít nhất 12 ký tự, khác mật khẩu hiện tại.',
  tooShort: 'Mật khẩu mới cần ít nhất 12 ký tự.',
  mismatch: 'Hai mật khẩu không khớp.',
  changeSubmit: 'Đổi mật khẩu',
  signOut: 'Đăng xuất',
  signedInAs: (email, role) => `${email} — ${role}`,
  switchLang: 'English',
  switchLangLabel: 'Switch to English',
  live: { connecting: 'Đang kết nối…', connected: 'Đang cập nhật trực tiếp', closed: 'Mất kết nối trực tiếp' },
  liveLabel: 'Kết nối trực tiếp',
  unitQueueSoon: 'Hàng đợi của đơn vị chưa có trong bàn làm việc này. Bạn vẫn xử lý phản ánh qua API.',
  required: 'Vui lòng nhập đủ thông tin.',
  or: 'hoặc',
  signInWithSso: 'Đăng nhập một lần (SSO)',
  ssoHint: 'Bằng tài khoản của hệ thống định danh của tỉnh.',
  ssoRedirecting: 'Đang chuyển đến trang đăng nhập một lần…',
  ssoFailed: 'Đăng nhập một lần không thành công. Vui lòng thử lại hoặc dùng mật khẩu.',
  ssoNoAccount: 'Tài khoản định danh này chưa gắn với tài khoản cán bộ nào của đơn vị. Hãy liên hệ quản trị hệ thống.',
};

const en: ConsoleMessages = {
  app: 'Staff workspace — Citizen field reports',
  signInHeading: 'Sign in',
  email: 'Work e-mail',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signInFailed: 'The e-mail or the password is not right.',
  signInError: (id) => `Signing in failed. Please try again.${id ? ` (Request id: ${id})` : ''}`,
  misconfigured: (code) => `This page is not set up yet, so signing in cannot work (error code ${code}).`,
  changeHeading: 'Change your password',
  changeIntro: 'You signed in with a one-time password. Choose a new password to go on.',
  newPassword: 'New password',
  repeatPassword: 'Repeat the new password',
  passwordRules: 'At least 12 characters, not the current one.',
  tooShort: 'The new password needs at least 12 characters.',
  mismatch: 'The two passwords differ.',
  changeSubmit: 'Change password',
  signOut: 'Sign out',
  signedInAs: (email, role) => `${email} — ${role}`,
  switchLang: 'Tiếng Việt',
  switchLangLabel: 'Chuyển sang tiếng Việt',
  live: { connecting: 'Connecting…', connected: 'Live', closed: 'Live updates lost' },
  liveLabel: 'Live connection',
  unitQueueSoon: 'The unit queue is not in this workspace yet. Reports can still be handled through the API.',
  required: 'Please fill in every field.',
  or: 'or',
  signInWithSso: 'Single sign-on (SSO)',
  ssoHint: 'With the account of the province’s identity provider.',
  ssoRedirecting: 'Going to the single sign-on page…',
  ssoFailed: 'Single sign-on did not succeed. Please try again or use your password.',
  ssoNoAccount: 'This identity is not linked to a staff account of the tenant. Ask the administrator.',
};

export const CONSOLE_MESSAGES: Readonly<Record<Lang, ConsoleMessages>> = { vi, en };
