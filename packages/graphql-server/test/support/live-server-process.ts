// A server process for the Redis fan-out test: the app on DATABASE_URL (already
// migrated, fixtures made by the test), with the test's secret key, sharing report changes through
// REDIS_URL. Prints `{"address": …}` on one line once it listens; SIGTERM stops it.
import { createCoreContext, openDatabase } from '@paht/core';
import { buildApp } from '../../src/app.js';

const url = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const secretKey = process.env.PAHT_SECRET_KEY;
if (!url || !redisUrl || !secretKey) throw new Error('DATABASE_URL, REDIS_URL and PAHT_SECRET_KEY are required');

const db = await openDatabase({ url, poolSize: 3 });
const app = await buildApp({ core: createCoreContext(db, { secretKey }), redisUrl });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ address })}\n`);

process.once('SIGTERM', () => {
  void (async () => {
    await app.close();
    await db.close();
    process.exit(0);
  })();
});
