import { announceTenantChanges } from '../changes/change-channel.js';

/**
 * What a tool tells running servers after it changed tenants' data in its
 * own process (docs/live-updates.md, "Changes made outside a server"): with
 * REDIS_URL, every server listening there drops those tenants' cached
 * public answers at once; without it, nobody can be told, and the tool says
 * so. Lines go to stderr (stdout may be the tool's JSON). Never throws: the
 * change is done whatever happens here.
 */
export async function tellServers(tenantIds: readonly string[], redisUrl = process.env.REDIS_URL): Promise<void> {
  if (!redisUrl) {
    console.error(
      'No REDIS_URL: running servers were not told. A server keeps its cached public answers for up to 60 s (5 s with a read replica) and its tenants for 5 s; restart the servers to see the change at once.',
    );
    return;
  }
  try {
    await announceTenantChanges(redisUrl, tenantIds);
    console.error('Running servers told through Redis (REDIS_URL): their cached public answers of the changed tenants are dropped.');
  } catch (error) {
    // The message of a connection failure names the host and port, never the URL's password.
    console.error(`Warning: running servers could not be told through Redis (${(error as Error).message}); they serve cached public answers for up to 60 s (5 s with a read replica).`);
  }
}
