import { describe, expect, it } from 'vitest';
import { demoStaff, DEMO_TENANTS, type DemoSeedResult } from '@paht/core';
import { welcomeBanner, type WelcomeFacts } from '../../src/welcome-banner.js';

const qt = DEMO_TENANTS.find((t) => t.slug === 'quang-tri')!;
const seed: DemoSeedResult = {
  seeded: false,
  tenants: [{ slug: qt.slug, name: qt.name, reports: 637, staff: demoStaff(qt), publicKey: 'pk_dqMzc7gXtwrE88pfCeDYw7OlEOBaqmZ_' }],
};
const facts = (production: boolean): WelcomeFacts => ({
  address: 'http://0.0.0.0:4000',
  database: 'PGlite (.data/pglite)',
  secretSource: '.data/pglite/secret.key',
  migration: { applied: [], skipped: ['0001_init'] },
  seed,
  production,
});

describe('the start banner', () => {
  it('says whether citizen e-mails are sent (from a flag: the SMTP URL, which may hold a password, never reaches the banner)', () => {
    const configured = { tenants: 1, redis: false, operatorApi: false, origins: [] };
    expect(welcomeBanner({ ...facts(true), configured: { ...configured, citizenMail: true } })).toContain('Citizen e-mail: on (PAHT_SMTP_URL)');
    expect(welcomeBanner({ ...facts(true), configured: { ...configured, citizenMail: false } })).toContain('Citizen e-mail: off (PAHT_SMTP_URL not set: messages wait in the outbox)');
    expect(welcomeBanner({ ...facts(true), configured: { ...configured, sms: 'GATEWAY' } })).toContain('Citizen SMS: on (PAHT_SMS_URL)');
    expect(welcomeBanner({ ...facts(false), configured: { ...configured, sms: 'CONSOLE' } })).toContain('Citizen SMS: console only (PAHT_SMS_URL not set');
    expect(welcomeBanner({ ...facts(true), configured: { ...configured, sms: 'OFF' } })).toContain('Citizen SMS: off (PAHT_SMS_URL not set: messages wait in the outbox)');
    expect(welcomeBanner({ ...facts(true), configured })).not.toContain('Citizen SMS');
  });

  it('prints each demo tenant’s public key with the origins it allows, and the demo sign-ins outside production', () => {
    const text = welcomeBanner(facts(false));
    expect(text).toContain('http://localhost:4000/graphql?tenant=quang-tri');
    expect(text).toContain('public key    pk_dqMzc7gXtwrE88pfCeDYw7OlEOBaqmZ_  (widgets on http://localhost:8080');
    expect(text).toContain('password: demo-quang-tri');
    expect(text).toContain('docs/embed.md');
  });

  it('prints no password in production, and never a secret key', () => {
    const text = welcomeBanner(facts(true));
    expect(text).toContain('pk_dqMzc7gXtwrE88pfCeDYw7OlEOBaqmZ_');
    expect(text).not.toMatch(/password:|demo-quang-tri\b(?!@)/);
    expect(text).not.toMatch(/sk_[A-Za-z0-9_-]/);
    const leaked = welcomeBanner({ ...facts(false), seed: { ...seed, tenants: [{ ...seed.tenants[0]!, publicKey: 'sk_NotEverPrinted0000000000000000000' }] } });
    expect(leaked).not.toContain('sk_');
  });
});
