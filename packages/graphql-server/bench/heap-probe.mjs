// Preloaded into the API process by `pnpm bench:live` (node --expose-gc
// --import): answers `{ type: 'heap', id }` over IPC with the process's
// memory after a full garbage collection, so the memory of idle
// connections is measured without the garbage the RSS still holds.
process.on('message', (message) => {
  if (message?.type !== 'heap') return;
  globalThis.gc?.();
  const { rss, heapUsed, external } = process.memoryUsage();
  // Open TCP handles: the bench waits for the closed clients' sockets to be gone before measuring.
  const sockets = process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
  process.send?.({ type: 'heap', id: message.id, rss, heapUsed, external, sockets });
});
