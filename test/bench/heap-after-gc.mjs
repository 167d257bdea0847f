// Preloaded into the BFF by the memory run of `npm run bench` (with --expose-gc): on SIGUSR2 a full
// collection, then the heap that is left as a JSON line on stdout. The heap between collections
// saws with V8's whims; after a full collection only what is still held remains.
process.on('SIGUSR2', () => {
  globalThis.gc();
  process.stdout.write(`${JSON.stringify({ heapAfterGcBytes: process.memoryUsage().heapUsed })}\n`);
});
