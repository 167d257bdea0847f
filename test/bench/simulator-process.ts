import { startCarbon5Simulator } from '../../server/billing/carbon5/simulator.js';

/** The Carbon simulator in a process of its own, so the benchmark does not measure it against itself. */
const simulator = await startCarbon5Simulator({ writeDelayMs: 0 });
process.stdout.write(`${JSON.stringify({ url: simulator.url })}\n`);
process.on('SIGTERM', () => void simulator.close().then(() => process.exit(0)));
