// A public page: the latest public reports, page by page, then all of them
// matching a search with the async iterator.
//   node examples/sdk/public-reports.mjs [search words]
import { allPublicReports, listPublicReports } from '@paht/client-sdk';
import { client } from './connect.mjs';

const page = await listPublicReports(client, { first: 5 });
if (page.__typename !== 'ReportPage') throw new Error(page.message);
for (const r of page.reports) console.log(`${r.trackingCode}  ${r.status.padEnd(10)} ${r.category?.name ?? ''} — ${r.title}`);
console.log(page.hasNextPage ? `… more after ${page.endCursor}` : '(the end)');

const search = process.argv.slice(2).join(' ') || 'đường';
let count = 0;
for await (const _report of allPublicReports(client, { first: 100, filter: { search } })) {
  count++;
  if (count >= 250) break; // stop whenever you like
}
console.log(`${count} public report(s) mention “${search}”`);
