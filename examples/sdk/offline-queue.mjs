// The offline queue: a submission made while the server is unreachable is
// kept (with its idempotency key) and filed once when the network returns.
// Here "the network returns" is an explicit flush() against the real server.
//   node examples/sdk/offline-queue.mjs
import { createClient, memoryStorage } from '@paht/client-sdk';
import { endpoint, tenant } from './connect.mjs';

const storage = memoryStorage(); // browsers: webStorage() or indexedDbStorage()
const report = { title: 'Nắp cống bị mất', description: 'Nắp cống trước nhà số 8 bị mất, rất nguy hiểm.', address: '8 Trần Phú, Đông Hà', reporter: { phone: '0912 345 678' } };

// No server on this port: the submission is kept.
const offline = createClient({ endpoint: 'http://127.0.0.1:9/graphql', tenant, retry: { retries: 1, baseDelayMs: 100 }, offlineQueue: { storage, onlineEvents: null } });
const queued = await offline.offline.submit(report);
console.log(`${queued.__typename}, key ${queued.idempotencyKey}`);

// Later, with the network back (a browser flushes by itself on the `online` event):
const online = createClient({
  endpoint,
  tenant,
  offlineQueue: { storage, onlineEvents: null, flushOnStart: false, onSubmitted: (item, result) => console.log(`${result.__typename} ${result.trackingCode ?? result.message} (key ${item.idempotencyKey})`) },
});
console.log('flush:', (await online.flush()).submitted.length, 'sent');
console.log('flush again:', (await online.flush()).submitted.length, 'sent — nothing is filed twice');
