import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The server by path: it is not a dependency of the widgets package.
import { SETTINGS_JSON_SCHEMA } from '../../../graphql-server/src/schema/admin-settings-schema.js';
import { SETTINGS_SCHEMA_FIXTURE } from '../../src/admin-console/settings-schema.fixture.js';
import { checkSettings, fieldsOf, officeWeekdays, parseSettingsSchema } from '../../src/admin-console/settings-schema.js';
import { SETTINGS_MESSAGES } from '../../src/admin-console/admin-settings.messages.js';

// The stories' copy of the settings schema is the server's, and the form's
// checks read their facts from it.

describe('settings schema', () => {
  // A setting core gains later does not fail this; a changed rule does. To
  // regenerate: UPDATE_SETTINGS_FIXTURE=1 and run this file.
  it('the stories show what the server answers', () => {
    if (process.env.UPDATE_SETTINGS_FIXTURE) {
      const file = new URL('../../src/admin-console/settings-schema.fixture.ts', import.meta.url);
      const head = `// The settings schema as the API's \`tenantSettingsSchema\` answers it (core's
// tenantSettingsChangeSchema as JSON Schema), for the stories, which have no
// server. test/unit/settings-schema-fixture.test.ts fails when a rule in it
// differs from what the server answers (UPDATE_SETTINGS_FIXTURE=1 rewrites it).
`;
      writeFileSync(file, `${head}export const SETTINGS_SCHEMA_FIXTURE = ${JSON.stringify(SETTINGS_JSON_SCHEMA)};\n`);
    }
    expect(JSON.parse(SETTINGS_JSON_SCHEMA)).toMatchObject(JSON.parse(SETTINGS_SCHEMA_FIXTURE) as object);
  });

  it('gives the form its fields and checks: ranges, choices, patterns with their messages, required parts', () => {
    const schema = parseSettingsSchema(SETTINGS_JSON_SCHEMA)!;
    expect(fieldsOf(schema, 'deadlines').map((f) => f.path)).toEqual(['deadlines.ratingReminderDays', 'deadlines.autoCloseDays', 'deadlines.focalPointGraceDays']);
    expect(officeWeekdays(schema)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const w = SETTINGS_MESSAGES.en.problems;
    const problems = checkSettings(
      schema,
      {
        allowedOrigins: ['https://ok.example.gov.vn', 'https://bad.example/path'],
        deadlines: { ratingReminderDays: 0, autoCloseDays: 7 },
        notifications: { sms: 'SOMETIMES', smsSender: 'A name far too long' },
        oidc: { issuer: 'https://sso.example' },
        workflow: { answerApproval: true },
      },
      w,
    );
    expect(problems).toEqual([
      { path: 'allowedOrigins.1', message: 'Wrong format (must be an origin like https://portal.quangtri.gov.vn (no path)).' },
      { path: 'oidc.audience', message: 'Required.' },
      { path: 'oidc.jwksUrl', message: 'Required.' },
      { path: 'notifications.sms', message: 'Choose one of OFF, WHEN_NO_EMAIL, ALWAYS.' },
      { path: 'notifications.smsSender', message: expect.stringContaining('brandname of 1–11') as string },
      { path: 'deadlines.ratingReminderDays', message: 'Must be 1–60.' },
    ].sort((a, b) => problems.findIndex((p) => p.path === a.path) - problems.findIndex((p) => p.path === b.path)));
    expect(checkSettings(schema, { deadlines: { ratingReminderDays: 3, autoCloseDays: 7 }, workflow: { answerApproval: false } }, w)).toEqual([]);
    // The monthly report's recipients: a list field, each address checked against the schema's rule, and its length.
    expect(fieldsOf(schema, 'monthlyReport')).toEqual([expect.objectContaining({ path: 'monthlyReport.recipients', schema: expect.objectContaining({ type: 'array' }) })]);
    expect(checkSettings(schema, { monthlyReport: { recipients: ['lanh.dao@quangtri.gov.vn', 'không phải địa chỉ'] } }, w)).toEqual([
      { path: 'monthlyReport.recipients.1', message: 'Wrong format (must be an e-mail address).' },
    ]);
    expect(checkSettings(schema, { monthlyReport: { recipients: Array.from({ length: 21 }, (_, i) => `u${i}@x.vn`) } }, w)).toEqual([{ path: 'monthlyReport.recipients', message: 'At most 20 entries.' }]);
  });
});
