// Public statistics (KPIs) for a period, for the whole province and by category.
//   node examples/sdk/statistics.mjs [from YYYY-MM-DD] [to YYYY-MM-DD]
import { getStatistics } from '@paht/client-sdk';
import { client } from './connect.mjs';

const [from = '2021-01-01', to = '2026-12-31'] = process.argv.slice(2);
const total = await getStatistics(client, { from, to });
if (total.__typename !== 'KpisSuccess') throw new Error(`${total.__typename}: ${total.message}`);
const [all] = total.data;
console.log(`${from} → ${to}: ${all.received} received, ${all.resolved} resolved (${all.onTime} on time, ${all.overdue} overdue), satisfied ${all.satisfiedShare === null ? '–' : `${Math.round(all.satisfiedShare * 100)} %`}`);

const byCategory = await getStatistics(client, { from, to, groupBy: 'CATEGORY' });
if (byCategory.__typename === 'KpisSuccess') {
  for (const row of byCategory.data.slice(0, 8)) console.log(`  ${String(row.received).padStart(5)}  ${row.label ?? row.key}`);
}
// Bad input is a typed result:
console.log('With a bad date:', (await getStatistics(client, { from: 'hôm qua', to })).__typename);
