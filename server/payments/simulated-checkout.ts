import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the two acquirer simulators share: a loopback HTTP server, request bodies, and the
 * checkout page where the demo's subscriber pays or declines. The page is a plain form with no
 * script, so it needs nothing from the cabinet's CSP.
 */
export interface SimulatorServer {
  url: string;
  close(): Promise<void>;
}

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => Promise<boolean>;

export async function startSimulatorServer(route: Route, port = 0): Promise<SimulatorServer & { server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://simulator');
      route(req, res, url, Buffer.concat(chunks)).then(
        (handled) => {
          if (!handled) sendJson(res, 404, { error: 'not found' });
        },
        () => sendJson(res, 500, { error: 'simulator error' }),
      );
    });
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const { port: bound } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${bound}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location }).end();
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function sendCheckoutPage(res: ServerResponse, page: { acquirer: string; amount: string; currency: string; description: string; action: string }): void {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.acquirer)} (simulated)</title></head>
<body>
<h1>${escapeHtml(page.acquirer)} checkout (simulated)</h1>
<p>${escapeHtml(page.description)}</p>
<p><strong>${escapeHtml(page.amount)} ${escapeHtml(page.currency)}</strong></p>
<p>No card is charged: this is the demo's stand-in for the acquirer.</p>
<form method="post" action="${escapeHtml(page.action)}">
<button type="submit" name="decision" value="pay">Pay</button>
<button type="submit" name="decision" value="decline">Decline</button>
</form>
</body></html>`;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'", 'cache-control': 'no-store' }).end(html);
}

/** Posts a confirmation to the cabinet the way the acquirer would; the status it answered, or 0 when it did not. */
export async function deliver(url: string, init: { headers: Record<string, string>; body: string }): Promise<number> {
  try {
    const response = await fetch(url, { method: 'POST', headers: init.headers, body: init.body, signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}
