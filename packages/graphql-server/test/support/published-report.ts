import { submitReport, transitionReport, type CoreContext } from '@paht/core';
import type { FixtureTenant } from '../../../core/test/support/fixture-tenant.js';

/** Contact data the reports below carry: it must never appear in a published payload or a log line. */
export const REPORTER = { fullName: 'Phạm Thị Liên', phone: '0987 654 321', email: 'lien.pham@example.com' };
export const REPORTER_CONTACT = /0987[ .]?654[ .]?321|84987654321|lien\.pham|Phạm Thị Liên/;

/**
 * A report of the fixture tenant taken to PUBLISHED at `ctx.now()` through
 * core (no server involved): the auto-close job closes it once it has
 * waited the tenant's `autoCloseDays` unrated. Returns its code and secret.
 */
export async function publishedReport(ctx: CoreContext, t: FixtureTenant, title = 'Ổ gà lớn trước cổng trường tiểu học') {
  const report = await submitReport(ctx, t.tenantId, {
    title,
    description: 'Ổ gà sâu giữa đường, xe máy đi qua rất nguy hiểm vào ban đêm.',
    channel: 'APP',
    address: '12 Lê Duẩn, Đông Hà',
    reporter: REPORTER,
  });
  const step = (actor: FixtureTenant['operator'], command: Parameters<typeof transitionReport>[4]) => transitionReport(ctx, t.tenantId, actor, report.id, command);
  await step(t.operator, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
  await step(t.operator, { type: 'ASSIGN', unitId: t.roadsUnitId });
  await step(t.roadsOfficer, { type: 'ACCEPT' });
  await step(t.roadsOfficer, { type: 'RESOLVE', answer: 'Đã vá ổ gà.' });
  await step(t.operator, { type: 'PUBLISH' });
  return { id: report.id, trackingCode: report.trackingCode, secret: report.secret };
}

/** Far enough after publication for any tenant calendar's `autoCloseDays` (7 working days by default). */
export const AFTER_AUTO_CLOSE_MS = 30 * 24 * 3600_000;
