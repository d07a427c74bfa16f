// Files a citizen's report, then follows it live (graphql-ws) while an IOC
// operator and the unit move it along, until the answer is resolved.
//   pnpm start                                   # in another terminal
//   node examples/sdk/file-and-follow.mjs
import { acceptReport, assignReport, classifyReport, fileReport, listCategories, resolveReport, startReport } from '@paht/client-sdk';
import { client, expectType, staff } from './connect.mjs';

const filed = expectType(
  await fileReport(client, {
    title: 'Ổ gà lớn trên đường Hùng Vương',
    description: 'Ổ gà sâu khoảng 20 cm trước số nhà 120, xe máy dễ té ngã vào ban đêm.',
    address: '120 Hùng Vương, Đông Hà',
    channel: 'APP',
    reporter: { fullName: 'Người dân thử nghiệm', phone: '0912 345 678' },
  }),
  'SubmitReportSuccess',
);
console.log(`Filed ${filed.trackingCode} — keep the secret to follow it: ${filed.secret.slice(0, 6)}…`);

// Follow it: the current status first, then each step as it happens.
const following = (async () => {
  for await (const update of client.watchReport(filed.trackingCode, filed.secret)) {
    console.log(`  ${update.entry.at}  #${update.entry.seq} ${update.entry.type.padEnd(8)} → ${update.status}`);
    if (update.status === 'RESOLVED') break; // ends the subscription
  }
})();

// Meanwhile, staff of the demo tenant move it (normally people do this in their own apps).
const operator = await staff('ioc');
const officer = await staff('chuyenvien');
const [category] = await listCategories(client);
const id = filed.id;
const pause = () => new Promise((resolve) => setTimeout(resolve, 300));
expectType(await classifyReport(operator.client, { id, categoryId: category.id }), 'ReportTransition');
await pause();
expectType(await assignReport(operator.client, { id, unitId: officer.unitId, reason: 'Giao đơn vị xử lý' }), 'ReportTransition');
await pause();
expectType(await acceptReport(officer.client, { id }), 'ReportTransition');
await pause();
expectType(await startReport(officer.client, { id }), 'ReportTransition');
await pause();
expectType(await resolveReport(officer.client, { id, answer: 'Đã vá ổ gà bằng bê tông nhựa.' }), 'ReportTransition');

await following;
const tracked = await client.trackReport(filed.trackingCode, filed.secret);
console.log(`Now ${tracked.report.status}: “${tracked.report.answer}”`);
await client.close();
