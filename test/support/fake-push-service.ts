import { execFileSync } from 'node:child_process';
import { createECDH, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// http_ece comes with web-push: the same decryption a browser's push service client does.
import ece from 'http_ece';

export interface ReceivedPush {
  headers: Record<string, string | string[] | undefined>;
  /** The decrypted payload, parsed. */
  message: Record<string, unknown>;
}

/**
 * A Web Push service on loopback over HTTPS (web-push only speaks TLS), with one browser-side key
 * pair: it decrypts what it receives, as a browser would. `status` makes it answer e.g. 410 Gone.
 */
export async function startFakePushService() {
  const folder = mkdtempSync(join(tmpdir(), 'abonent-push-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem')], { stdio: 'ignore' });
  const browserKeys = createECDH('prime256v1');
  browserKeys.generateKeys();
  const authSecret = randomBytes(16);
  const received: ReceivedPush[] = [];
  let status = 201;
  const server: Server = createServer({ key: readFileSync(join(folder, 'key.pem')), cert: readFileSync(join(folder, 'cert.pem')) }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (status === 201) {
        const plain = ece.decrypt(Buffer.concat(chunks), { version: 'aes128gcm', privateKey: browserKeys, authSecret });
        received.push({ headers: request.headers, message: JSON.parse(plain.toString()) as Record<string, unknown> });
      }
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    received,
    /** A browser's PushSubscription for this service. */
    subscription: (name = 'device-1') => ({
      endpoint: `${base}/push/${name}`,
      keys: { p256dh: browserKeys.getPublicKey('base64url'), auth: authSecret.toString('base64url') },
    }),
    answerWith(next: number) {
      status = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
