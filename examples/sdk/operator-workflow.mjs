// An IOC operator's desk: the live inbox (graphql-ws), and the first steps of
// each new report: classify, then assign to the category's unit.
//   node examples/sdk/operator-workflow.mjs      (files one report itself to show the flow)
import { assignReport, classifyReport, fileReport, listCategories, rejectReport } from '@paht/client-sdk';
import { client, expectType, staff } from './connect.mjs';

const operator = await staff('ioc');
const officer = await staff('chuyenvien');
const [category] = await listCategories(client);

const inbox = operator.client.iocInbox();
// Wait until the subscription listens: the first item opens the connection.
const first = inbox.next();
await new Promise((resolve) => setTimeout(resolve, 500));
const spam = expectType(await fileReport(client, { title: 'Quảng cáo', description: 'Mua bán sim số đẹp, liên hệ ngay.', address: 'Phường Đông Hà', reporter: { phone: '0912 345 678' } }), 'SubmitReportSuccess');
const real = expectType(await fileReport(client, { title: 'Cống thoát nước bị tắc', description: 'Nước ngập sau mưa ở hẻm 12 đường Lê Duẩn.', address: 'Phường Đông Hà', reporter: { phone: '0912 345 678' } }), 'SubmitReportSuccess');

let handled = 0;
for (let item = await first; !item.done; item = await inbox.next()) {
  const change = item.value;
  console.log(`inbox: ${change.trackingCode} ${change.type} → ${change.status}`);
  if (change.type !== 'SUBMIT') continue;
  if (change.reportId === spam.id) {
    const r = await rejectReport(operator.client, { id: change.reportId, rejection: 'SPAM', reason: 'Nội dung quảng cáo, không phải phản ánh.' });
    console.log(`  rejected: ${r.__typename} → ${r.status}`);
  } else if (change.reportId === real.id) {
    const classified = await classifyReport(operator.client, { id: change.reportId, categoryId: category.id, visibility: 'PUBLIC' });
    console.log(`  classified: ${classified.__typename} → ${classified.status}`);
    const assigned = await assignReport(operator.client, { id: change.reportId, unitId: officer.unitId });
    console.log(`  assigned: ${assigned.__typename} → ${assigned.status}`);
  }
  if (++handled === 2) break;
}
await operator.client.close();
