// A citizen rates the published answer of their report (RATE closes it), or
// reopens it when not satisfied. Walks a new report to PUBLISHED first.
//   node examples/sdk/rate-report.mjs
import { acceptReport, assignReport, classifyReport, fileReport, listCategories, publishReport, rateReport, resolveReport } from '@paht/client-sdk';
import { client, expectType, staff } from './connect.mjs';

const filed = expectType(
  await fileReport(client, { title: 'Rác thải tồn đọng ở chợ', description: 'Rác không được thu gom ba ngày nay ở cổng sau chợ.', address: 'Phường Đông Hà', reporter: { phone: '0912 345 678' } }),
  'SubmitReportSuccess',
);
const operator = await staff('ioc');
const officer = await staff('chuyenvien');
const [category] = await listCategories(client);
const id = filed.id;
for (const step of [
  () => classifyReport(operator.client, { id, categoryId: category.id }),
  () => assignReport(operator.client, { id, unitId: officer.unitId }),
  () => acceptReport(officer.client, { id }),
  () => resolveReport(officer.client, { id, answer: 'Đã thu gom rác.' }),
  () => publishReport(operator.client, { id }),
]) expectType(await step(), 'ReportTransition');

// A wrong secret is a typed refusal, not an exception:
const refused = await rateReport(client, { trackingCode: filed.trackingCode, secret: 'x'.repeat(32), rating: 5 });
console.log(`With a wrong secret: ${refused.__typename}`);

const rated = await rateReport(client, { trackingCode: filed.trackingCode, secret: filed.secret, rating: 5, comment: 'Xử lý nhanh, cảm ơn!' });
console.log(`Rated ${filed.trackingCode}: ${rated.__typename} → ${rated.status}`);
