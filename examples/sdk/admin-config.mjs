// A tenant admin's view of the configuration: SLA policies, categories,
// staff accounts, API keys and the latest audit entries. Read-only.
//   node examples/sdk/admin-config.mjs
import { adminCategories, apiKeys, auditLog, slaPolicies, staffAccounts } from '@paht/client-sdk';
import { staff } from './connect.mjs';

const { client: admin } = await staff('admin');
const show = (label, result, line) => {
  if (result.__typename.endsWith('Error')) return console.log(`${label}: ${result.__typename} — ${result.message}`);
  const rows = result.data ?? result.entries;
  console.log(`${label}: ${rows.length}`);
  for (const row of rows.slice(0, 4)) console.log(`  ${line(row)}`);
};
show('SLA policies', await slaPolicies(admin), (p) => `${p.code} ${p.clock}: classify ${p.classifyMinutes} min, accept ${p.acceptMinutes} min, resolve ${p.resolveMinutes} min`);
show('Categories', await adminCategories(admin), (c) => `${c.code} ${c.isPublic ? 'public ' : 'private'} ${c.active ? '' : '(inactive) '}${c.name} → SLA ${c.slaPolicy.code}`);
show('Staff accounts', await staffAccounts(admin), (s) => `${s.role.padEnd(13)} ${s.email}${s.active ? '' : ' (inactive)'}`);
show('API keys', await apiKeys(admin), (k) => `${k.kind} ${k.prefix}… ${k.name}${k.revokedAt ? ' (revoked)' : ''}`);
show('Audit log', await auditLog(admin, { first: 5 }), (e) => `${e.at} ${e.actorRole} ${e.action} ${e.subjectType}`);
