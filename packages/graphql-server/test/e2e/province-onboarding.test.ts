// Issue 11's "done when", in one test, as a province meets the product: from
// the repository, `pnpm tenant:create` (its package script, as a process) on
// an empty PostgreSQL database creates the tenant, its first admin and a
// public key for the portal's origin; `pnpm start` in production (a real
// process: secret key, SMTP server, no demo) serves it; the first admin signs
// in over HTTP with the SDK, changes the one-time password and configures a
// unit, IOC and unit accounts, an SLA policy, a category and the tenant's
// notices and branding; a page on another origin embeds the built widgets
// bundle with the key, and Chromium files a report through the form; the
// report moves (IOC classifies and assigns, the unit accepts and answers, the
// IOC publishes and closes) and each step's e-mail to the citizen arrives at
// a real SMTP server, Vietnamese first, with the tracking code and link.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptReport,
  assignReport,
  classifyReport,
  closeReport,
  createClient,
  createStaffAccount,
  createUnit,
  listReports,
  publishReport,
  resolveReport,
  typedDocument,
  upsertCategory,
  upsertSlaPolicy,
  type PahtClient,
} from '@paht/client-sdk';
import { citizenNotices } from '@paht/core';
import { openTestDatabase, type TestDatabase } from '../../../core/test/support/test-database.js';
import { bundleWidgets } from '../../../widgets/scripts/bundle.mjs';
import { launchChromium } from '../../../widgets/test/browser/support/browser.js';
import { startStaticServer, type StaticFile } from '../../../widgets/test/browser/support/static-server.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SCRIPTS = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const SECRET_KEY = 'e2e-instance-secret-never-printed-0123456789abcdef';
const MAIL_FROM = 'phananh@hatinh.example.gov.vn';
const ADMIN_EMAIL = 'admin@hatinh.example.gov.vn';
const NEW_PASSWORD = 'Hà Tĩnh mật khẩu mới 2026';
const STAFF_PASSWORD = 'mat-khau-can-bo-2026';
const CITIZEN = { email: 'nguyen.van.an@example.com', phone: '0912 345 678' };
const VIETNAMESE = /[ạảãáàâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i;

interface Mail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

let tdb: TestDatabase;
let smtp: SMTPServer;
const inbox: Mail[] = [];
const files: Record<string, StaticFile> = {};
let site: Awaited<ReturnType<typeof startStaticServer>>;
let uploads: string;
let server: { output: () => string; ready: Promise<string>; stop: () => Promise<void> } | null = null;
// Chromium through the widgets' test support (playwright-core is the widgets' dev dependency).
let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;

/** The package script's command line (`node <args>`) with this Node. */
function scriptArgs(name: string): string[] {
  const [command, ...args] = SCRIPTS[name]!.split(' ');
  if (command !== 'node') throw new Error(`script ${name} does not start with node: ${SCRIPTS[name]}`);
  return args;
}

/** `pnpm tenant:create <flags>` on the test database; resolves with its output. */
function tenantCreate(flags: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...scriptArgs('tenant:create'), ...flags], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: tdb.url! },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `pnpm start` in production, with only the given environment. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, scriptArgs('start'), {
    cwd: ROOT,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME!, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const url = /Health\s+(http:\/\/\S+)\/healthz/.exec(out)?.[1];
      if (url && out.includes('No demo tenants')) resolve(url);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`the server exited with ${code}: ${out}`)));
  });
  ready.catch(() => undefined);
  return {
    output: () => out,
    ready,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Waits for the e-mail whose subject has `subject`; returns it. */
async function mailWith(subject: string): Promise<Mail> {
  await expect.poll(() => inbox.find((m) => m.subject.includes(subject)), { timeout: 15_000, interval: 100 }).toBeDefined();
  return inbox.find((m) => m.subject.includes(subject))!;
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  tdb = await openTestDatabase();
  uploads = mkdtempSync(join(tmpdir(), 'paht-e2e-uploads-'));
  // The portal: another origin (its own port) than the API's.
  site = await startStaticServer(files);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await site?.close();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await tdb?.close();
  rmSync(uploads, { recursive: true, force: true });
});

describe.runIf(process.env.TEST_DB === 'postgres')('a province from an empty database to e-mails reaching the citizen', () => {
  it('creates the tenant with the CLI, configures it over HTTP, takes a report from a portal on another origin and tells the citizen each step', { timeout: 90_000 }, async () => {
    // 1. The tenant, its first admin and the portal's public key: one command.
    const created = await tenantCreate([
      '--slug', 'ha-tinh', '--name', 'Tỉnh Hà Tĩnh', '--name-en', 'Ha Tinh Province', '--province-code', '42', '--tracking-prefix', 'HT',
      '--office-hours', '1-7=00:00-23:59', '--admin-email', ADMIN_EMAIL, '--admin-name', 'Nguyễn Thị Quản Trị',
      '--public-key-origin', site.url, '--json',
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const { oneTimePassword, publicKey } = JSON.parse(created.stdout) as { oneTimePassword: string; publicKey: string };
    expect(publicKey).toMatch(/^pk_/);

    // 2. The server in production: secret key, SMTP, a short delivery interval, no demo.
    server = start({
      DATABASE_URL: tdb.url!,
      PAHT_SECRET_KEY: SECRET_KEY,
      PAHT_SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      PAHT_MAIL_FROM: MAIL_FROM,
      PAHT_DELIVERY_INTERVAL_MS: '200',
      PAHT_UPLOADS_DIR: uploads,
      LOG: 'false',
    });
    const base = await server.ready;
    expect(server.output()).toContain('Tenants: 1');
    const endpoint = `${base}/graphql`;

    // 3. The first admin: one-time password, then a new one, over real HTTP through the SDK.
    const anonymous = createClient({ endpoint, tenant: 'ha-tinh' });
    const first = await anonymous.signIn(ADMIN_EMAIL, oneTimePassword);
    if (first.__typename !== 'SignInSuccess') throw new Error(`sign-in refused: ${JSON.stringify(first)}`);
    expect(first.passwordChangeRequired).toBe(true);
    const admin = anonymous.withToken(first.token);
    expect(await admin.changePassword(oneTimePassword, NEW_PASSWORD)).toMatchObject({ __typename: 'PasswordChanged', passwordChangeRequired: false });

    // 4. What the province configures: deadlines, a unit, its people, a category, notices and look.
    expect(await upsertSlaPolicy(admin, { input: { code: 'STANDARD', name: 'Tiêu chuẩn', clock: 'CALENDAR', classifyMinutes: 240, acceptMinutes: 480, resolveMinutes: 7200 } })).toMatchObject({ __typename: 'SlaPolicy' });
    const unit = await createUnit(admin, { input: { code: 'SXD', kind: 'DEPARTMENT', name: 'Sở Xây dựng', nameEn: 'Department of Construction' } });
    if (unit.__typename !== 'Unit') throw new Error(`unit refused: ${JSON.stringify(unit)}`);
    for (const [email, role, unitId] of [['ioc@hatinh.example.gov.vn', 'IOC_OPERATOR', null], ['canbo@hatinh.example.gov.vn', 'UNIT_OFFICER', unit.id]] as const) {
      expect(await createStaffAccount(admin, { input: { email, fullName: 'Cán Bộ Thử', password: STAFF_PASSWORD, role, unitId } })).toMatchObject({ __typename: 'StaffAccount' });
    }
    const category = await upsertCategory(admin, { input: { code: 'ROADS', name: 'Giao thông', nameEn: 'Roads', slaPolicyCode: 'STANDARD', defaultUnitId: unit.id } });
    if (category.__typename !== 'CategoryConfig') throw new Error(`category refused: ${JSON.stringify(category)}`);
    const settings = await admin.request(
      typedDocument<{ updateTenantSettings: { __typename: string } }, { input: unknown }>('mutation S($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { __typename } }'),
      { input: { notifications: { publicTrackerUrl: `${site.url}/tra-cuu?code={code}` }, branding: { nameVi: 'Cổng phản ánh Hà Tĩnh', primaryColor: '#7a1f2b' } } },
    );
    expect(settings.updateTenantSettings.__typename).not.toMatch(/Error$/);

    // 5. The portal embeds the built bundle with its key; the citizen files a report in Chromium.
    files['/paht-widgets.js'] = { type: 'text/javascript', body: await bundleWidgets({ minify: true }) };
    files['/'] = {
      type: 'text/html',
      body: `<!doctype html><html lang="vi"><head><meta charset="utf-8" /><title>Cổng dịch vụ công Hà Tĩnh</title>
<meta name="paht:endpoint" content="${endpoint}" /><meta name="paht:tenant" content="ha-tinh" /><meta name="paht:api-key" content="${publicKey}" />
<script src="/paht-widgets.js"></script></head><body><main><h1>Phản ánh hiện trường</h1><paht-report-form tile-url=""></paht-report-form></main></body></html>`,
    };
    browser = await launchChromium();
    const page = await browser.newPage({ locale: 'vi-VN' });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => (m.type() === 'error' && !m.text().startsWith('Failed to load resource') ? pageErrors.push(m.text()) : undefined));
    // Any failed request by URL (the browser's own favicon request aside).
    page.on('response', (r) => (r.status() >= 400 && !r.url().endsWith('/favicon.ico') ? pageErrors.push(`${r.status()} ${r.url()}`) : undefined));
    await page.goto(`${site.url}/`);
    const form = page.locator('paht-report-form');
    await expect.poll(() => form.locator('#category option').count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => form.locator('.brand-name').textContent(), { timeout: 10_000 }).toBe('Cổng phản ánh Hà Tĩnh');
    await form.locator('#category').selectOption({ label: 'Giao thông' });
    await form.locator('#title').fill('Ổ gà lớn trên đường Trần Phú');
    await form.locator('#description').fill('Ổ gà sâu khoảng 20 cm trước số nhà 120, xe máy dễ ngã vào ban đêm. Đề nghị vá sớm.');
    await form.locator('#address').fill('120 Trần Phú, thành phố Hà Tĩnh');
    await form.locator('#phone').fill(CITIZEN.phone);
    await form.locator('#email').fill(CITIZEN.email);
    await form.locator('input[type=checkbox]').check();
    const submitted = page.evaluate(
      () => new Promise<{ trackingCode: string; secret: string }>((resolve) => document.addEventListener('paht-report-submitted', (e) => resolve((e as CustomEvent).detail), { once: true })),
    );
    await form.locator('button[type=submit]').click();
    const { trackingCode, secret } = await submitted;
    expect(trackingCode).toMatch(/^HT-\d{3}-\d{3}-\d{3}$/);
    expect(await form.locator('#done-heading').textContent()).toBe('Đã gửi phản ánh');
    expect(pageErrors).toEqual([]);

    // 6. The report moves; each step the citizen is told of arrives by e-mail.
    const signedIn = async (email: string): Promise<PahtClient> => {
      const r = await anonymous.signIn(email, STAFF_PASSWORD);
      if (r.__typename !== 'SignInSuccess') throw new Error(`sign-in refused: ${JSON.stringify(r)}`);
      return anonymous.withToken(r.token);
    };
    const ioc = await signedIn('ioc@hatinh.example.gov.vn');
    const officer = await signedIn('canbo@hatinh.example.gov.vn');
    const list = await listReports(ioc);
    if (list.__typename !== 'ReportPage') throw new Error(`list refused: ${JSON.stringify(list)}`);
    const id = list.reports.find((r) => r.trackingCode === trackingCode)!.id;
    const moved = (status: string) => expect.objectContaining({ __typename: 'ReportTransition', status });

    const steps: Array<[keyof typeof citizenNotices, () => Promise<unknown>, string | null]> = [
      ['SUBMIT', async () => undefined, null],
      ['CLASSIFY', () => classifyReport(ioc, { id, categoryId: category.id }), 'CLASSIFIED'],
      ['ASSIGN', () => assignReport(ioc, { id, unitId: unit.id }), 'ASSIGNED'],
      ['RESOLVE', async () => (expect(await acceptReport(officer, { id })).toEqual(moved('ACCEPTED')), resolveReport(officer, { id, answer: 'Đã vá ổ gà trước số nhà 120 ngày 3/3.' })), 'RESOLVED'],
      ['CLOSE', async () => (expect(await publishReport(ioc, { id })).toEqual(moved('PUBLISHED')), closeReport(ioc, { id })), 'CLOSED'],
    ];
    const tracker = `${site.url}/tra-cuu?code=${encodeURIComponent(trackingCode)}`;
    for (const [event, act, status] of steps) {
      const result = await act();
      if (status) expect(result).toEqual(moved(status));
      const notice = citizenNotices[event]!;
      const mail = await mailWith(notice.vi.subject);
      expect(mail.to).toEqual([CITIZEN.email]);
      expect(mail.from).toBe(MAIL_FROM);
      expect(mail.subject).toContain(`[${trackingCode}]`);
      expect(mail.subject).toMatch(VIETNAMESE);
      // Vietnamese first, then English; the code and the tracker link; never the secret or the phone.
      expect(mail.text.indexOf(notice.vi.text)).toBeGreaterThanOrEqual(0);
      expect(mail.text.indexOf(notice.vi.text)).toBeLessThan(mail.text.indexOf(notice.en.text));
      expect(mail.text).toContain(trackingCode);
      expect(mail.text).toContain(tracker);
      expect(mail.text).not.toContain(secret);
      expect(mail.text.replace(/\s/g, '')).not.toContain(CITIZEN.phone.replace(/\s/g, ''));
    }
    // One e-mail per step, in order, and nothing else.
    expect(inbox.map((m) => m.subject.replace(`[${trackingCode}] `, '').split(' / ')[0])).toEqual(steps.map(([event]) => citizenNotices[event]!.vi.subject));

    // Nothing secret in the server's output: the instance key, the passwords, the citizen's contact.
    for (const secretText of [SECRET_KEY, oneTimePassword, NEW_PASSWORD, STAFF_PASSWORD, CITIZEN.email, secret]) expect(server.output()).not.toContain(secretText);
  });
});
