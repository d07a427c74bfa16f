// A unit's officer: the live unit queue, then accept, start, ask the citizen,
// and resolve. Also shows a typed refusal (a step the state does not allow).
//   node examples/sdk/unit-workflow.mjs
import { acceptReport, assignReport, classifyReport, fileReport, listCategories, provideInfo, requestInfo, resolveReport, startReport } from '@paht/client-sdk';
import { client, expectType, staff } from './connect.mjs';

const operator = await staff('ioc');
const officer = await staff('chuyenvien');
const [category] = await listCategories(client);

const queue = officer.client.unitQueue();
const firstChange = queue.next();
await new Promise((resolve) => setTimeout(resolve, 500));

const filed = expectType(await fileReport(client, { title: 'Đèn đường không sáng', description: 'Ba cột đèn liền nhau không sáng từ tối thứ Bảy.', address: 'Phường Đông Hà', reporter: { phone: '0912 345 678' } }), 'SubmitReportSuccess');
const id = filed.id;
expectType(await classifyReport(operator.client, { id, categoryId: category.id }), 'ReportTransition');
expectType(await assignReport(operator.client, { id, unitId: officer.unitId }), 'ReportTransition');

const change = (await firstChange).value;
console.log(`queue: ${change.trackingCode} ${change.type} → ${change.status}`);
await queue.return();

const early = await resolveReport(officer.client, { id, answer: 'Xong' });
console.log(`resolve before accepting: ${early.__typename} (from ${early.fromStatus})`);

for (const [name, step] of [
  ['accept', () => acceptReport(officer.client, { id })],
  ['start', () => startReport(officer.client, { id })],
  ['ask the citizen', () => requestInfo(officer.client, { id, reason: 'Xin số cột đèn gần nhất?' })],
  ['citizen answers', () => provideInfo(client, { trackingCode: filed.trackingCode, secret: filed.secret, reason: 'Cột số 14, 15 và 16.' })],
  ['resolve', () => resolveReport(officer.client, { id, answer: 'Đã thay bóng đèn LED cho ba cột.' })],
]) {
  const result = expectType(await step(), 'ReportTransition');
  console.log(`${name}: → ${result.status} (timeline #${result.entry.seq})`);
}
await officer.client.close();
