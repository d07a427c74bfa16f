import { DEMO_KEY_ORIGINS, type DemoSeedResult, type MigrationResult } from '@paht/core';

export interface WelcomeFacts {
  /** Where the server listens, as `app.listen` answered. */
  address: string;
  /** e.g. `PGlite (.data/pglite)` or `PostgreSQL`. */
  database: string;
  /** Where the instance secret came from (a variable's or a file's name, never the secret). */
  secretSource: string;
  migration: MigrationResult;
  /** The demo tenants; null when none were seeded (production without `PAHT_DEMO=1`). */
  seed: DemoSeedResult | null;
  /** `NODE_ENV=production`: no password is printed. */
  production: boolean;
  /** What is configured (never a secret): tenants, Redis, the operator API, instance-wide origins. */
  configured?: { tenants: number; redis: boolean; operatorApi: boolean; origins: readonly string[]; citizenMail?: boolean; sms?: 'GATEWAY' | 'CONSOLE' | 'OFF' };
}

/**
 * What `pnpm start` prints for a newcomer: the URLs, each demo tenant with
 * its demo public key (for the widgets on localhost pages, see
 * docs/embed.md) and, outside production, the demo staff sign-ins. Never a
 * secret key; in production never a password.
 */
export function welcomeBanner(facts: WelcomeFacts): string {
  const { seed, migration, production } = facts;
  const base = facts.address.replace('://0.0.0.0', '://localhost').replace('://[::]', '://localhost');
  const lines = [
    '',
    `PAHT API on ${facts.database}; secret key from ${facts.secretSource}`,
    `  GraphQL   ${base}/graphql?tenant=<slug>   (or header x-tenant: <slug>)`,
    `  Health    ${base}/healthz`,
    `  Migrations applied now: ${migration.applied.length ? migration.applied.join(', ') : 'none (up to date)'}`,
  ];
  const { configured } = facts;
  if (configured) {
    lines.push(
      `  Mode: ${production ? 'production' : 'development'}   Tenants: ${configured.tenants}   Redis: ${configured.redis ? 'yes' : 'no (this process only)'}`,
      `  Operator API: ${configured.operatorApi ? 'on (POST /operator/tenants)' : 'off (PAHT_OPERATOR_TOKEN not set)'}`,
      `  Allowed origins: ${configured.origins.length ? configured.origins.join(', ') : 'none instance-wide'}; plus each tenant's allowedOrigins and public keys`,
    );
    if (configured.citizenMail !== undefined) {
      lines.push(`  Citizen e-mail: ${configured.citizenMail ? 'on (PAHT_SMTP_URL)' : 'off (PAHT_SMTP_URL not set: messages wait in the outbox)'}`);
    }
    if (configured.sms !== undefined) {
      const sms = {
        GATEWAY: 'on (PAHT_SMS_URL)',
        CONSOLE: 'console only (PAHT_SMS_URL not set: messages are printed, phone masked, not sent)',
        OFF: 'off (PAHT_SMS_URL not set: messages wait in the outbox)',
      }[configured.sms];
      lines.push(`  Citizen SMS: ${sms}`);
    }
  }
  if (!seed) {
    lines.push('', 'No demo tenants (production; PAHT_DEMO=1 would seed them).');
    if (configured?.tenants === 0) lines.push('No tenant yet: create one with `pnpm tenant:create --help` (docs/deployment.md).');
    lines.push('');
    return lines.join('\n');
  }
  lines.push('', seed.seeded ? 'Demo tenants seeded now:' : 'Demo tenants (already there):');
  for (const tenant of seed.tenants) {
    lines.push(`  ${tenant.name} — slug ${tenant.slug}, ${tenant.reports} reports — ${base}/graphql?tenant=${tenant.slug}`);
    const added = tenant.indicatorsAdded;
    if (added) lines.push(`      indicators    added now: ${added.indicators} indicators, ${added.forms} report form${added.forms === 1 ? '' : 's'}${added.skipped.length ? ` (kept the tenant's own ${added.skipped.join(', ')})` : ''}`);
    if (tenant.publicKey?.startsWith('pk_')) lines.push(`      public key    ${tenant.publicKey}  (widgets on ${DEMO_KEY_ORIGINS.join(', ')})`);
    if (!production) for (const s of tenant.staff) lines.push(`      ${s.role.padEnd(13)} ${s.email}  password: ${s.password}`);
  }
  lines.push(
    '',
    production
      ? 'NODE_ENV=production: demo passwords are not printed; never use the demo tenants for real reports.'
      : 'Demo passwords are public: never use the demo tenants for real reports.',
    'Embedding the widgets: docs/embed.md',
    '',
  );
  return lines.join('\n');
}
