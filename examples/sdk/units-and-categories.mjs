// Configuration as far as the schema exposes it: the organisation's units and
// the categories citizens choose from.
//   node examples/sdk/units-and-categories.mjs
import { listCategories, listUnits } from '@paht/client-sdk';
import { client } from './connect.mjs';

const units = await listUnits(client);
console.log(`${units.length} units, e.g.:`);
for (const u of units.slice(0, 6)) console.log(`  ${u.code.padEnd(12)} ${u.kind ?? ''}  ${u.name}`);
const categories = await listCategories(client);
console.log(`${categories.length} public categories:`, categories.map((c) => c.name).join(', '));
