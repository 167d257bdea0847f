import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { BillingSimulator } from '../../server/billing/simulator.js';
import { startCabinet as startRunningCabinet } from '../../server/cabinet.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';

export interface TestCabinet {
  url: string;
  simulator: BillingSimulator;
  /** Every log line the BFF wrote, for tests that prove no secret reaches a log. */
  logs(): string;
  close(): Promise<void>;
}

/**
 * The whole BFF in-process on 127.0.0.1 with its own temporary data folder and, unless the test
 * points BILLING_URL elsewhere, its own billing simulator: each test gets fresh state.
 */
export async function startCabinet(options: { env?: Record<string, string> } = {}): Promise<TestCabinet> {
  const dataDir = mkdtempSync(join(tmpdir(), 'abonent-test-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'info', ...options.env });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const cabinet = await startRunningCabinet(config, createLogger(config.LOG_LEVEL, sink));
  return {
    url: `http://127.0.0.1:${new URL(cabinet.url).port}`,
    simulator: cabinet.simulator!,
    logs: () => lines.join(''),
    async close() {
      await cabinet.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
