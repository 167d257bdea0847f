import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Config } from '../config.js';
import { projectPath } from '../paths.js';
import { renderIndexHtml } from './index-html.js';
import { readLogo } from './logo.js';
import { buildManifest, PWA_LANGUAGES, type PwaLanguage } from './manifest.js';

const NOT_BUILT = 'The PWA is not built yet: run `npm run build` (or `npm run build:client`).\n';

/** Names with their content's hash (Vite's output, the logo): new content gets a new name, so browsers may keep these for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Must be checked every time: the shell and the service worker decide which version runs. */
const REVALIDATE = 'no-cache';
/** Icons keep their names across builds, so they are kept for a day only. */
const SHORT = 'public, max-age=86400';

/** The logo is a picture, never a document: an SVG opened on its own runs nothing and loads nothing. */
const LOGO_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
const LOGO_PATH = /^\/brand\/logo-[0-9a-f]+\.(?:png|svg)$/;

/** Paths the shell never answers for: the API and the demo's JSON. */
const NOT_THE_SHELL = /^\/(graphql|demo)(\/|$)/;

function preferredLanguage(req: Request): PwaLanguage {
  const match = req.acceptsLanguages(...PWA_LANGUAGES);
  return typeof match === 'string' ? (match as PwaLanguage) : 'en';
}

/**
 * Serves the built PWA from dist/client: hashed assets cached for long, the shell and the service
 * worker revalidated, in-app addresses answered with the shell, and the manifest and the page's
 * name, colour and logo generated from the ISP's configuration. A logo file that cannot be used
 * throws a ConfigError here, at start.
 */
export function createPwaRouter(config: Config, distDir = projectPath('dist', 'client')): express.Router {
  const router = express.Router();
  const logo = config.CABINET_LOGO === undefined ? null : readLogo(config.CABINET_LOGO);
  const indexPath = join(distDir, 'index.html');
  let template: { mtimeMs: number; html: string } | null = null;

  /** The built index.html, read again only when a new build replaced it. */
  function readTemplate(): string | null {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(indexPath).mtimeMs;
    } catch {
      return null;
    }
    if (template?.mtimeMs !== mtimeMs) template = { mtimeMs, html: readFileSync(indexPath, 'utf8') };
    return template.html;
  }

  function sendShell(_req: Request, res: Response, next: NextFunction): void {
    const html = readTemplate();
    if (html === null) {
      next();
      return;
    }
    res.set('cache-control', REVALIDATE).type('html').send(renderIndexHtml(html, config, logo));
  }

  router.get('/manifest.webmanifest', (req, res) => {
    res
      .set({ 'cache-control': REVALIDATE, vary: 'Accept-Language' })
      .type('application/manifest+json')
      .send(JSON.stringify(buildManifest(config, preferredLanguage(req), logo)));
  });

  if (logo) {
    router.get(LOGO_PATH, (req, res) => {
      // A shell precached before the logo changed still asks for the old name: it gets the current logo.
      if (req.path !== logo.url) {
        res.set('cache-control', REVALIDATE).redirect(logo.url);
        return;
      }
      res.set({ 'cache-control': IMMUTABLE, 'content-security-policy': LOGO_POLICY }).type(logo.type).send(logo.body);
    });
  }

  // Without a build there is no shell to serve; say how to make one instead of a bare 404.
  router.use((req, res, next) => {
    if (NOT_THE_SHELL.test(req.path) || readTemplate() !== null) {
      next();
      return;
    }
    res.status(503).type('text/plain').send(NOT_BUILT);
  });

  router.get(['/', '/index.html'], sendShell);

  // Hashed scripts and styles have brotli and gzip copies from the build: send the best one the browser takes.
  router.get(/^\/assets\/[\w.-]+\.(?:js|css)$/, (req, res, next) => {
    res.vary('Accept-Encoding');
    const encoding = req.acceptsEncodings('br', 'gzip');
    const compressed = encoding ? join(distDir, `${req.path}.${encoding === 'br' ? 'br' : 'gz'}`) : null;
    if (!compressed || !existsSync(compressed)) {
      next();
      return;
    }
    res.sendFile(compressed, {
      headers: { 'content-encoding': encoding, 'content-type': req.path.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8', 'cache-control': IMMUTABLE },
    });
  });

  router.use(
    express.static(distDir, {
      index: false,
      redirect: false,
      setHeaders(res, path) {
        const relative = path.slice(distDir.length).replaceAll('\\', '/');
        if (relative.startsWith('/assets/')) res.setHeader('cache-control', IMMUTABLE);
        else if (relative === '/sw.js') res.setHeader('cache-control', REVALIDATE);
        else res.setHeader('cache-control', SHORT);
      },
    }),
  );

  // Any other in-app address (a bookmark of /services, a reset link) gets the shell; files that are not there stay 404.
  router.use((req, res, next) => {
    const isNavigation = (req.method === 'GET' || req.method === 'HEAD') && req.accepts('html') === 'html';
    if (isNavigation && !NOT_THE_SHELL.test(req.path) && extname(req.path) === '') sendShell(req, res, next);
    else next();
  });

  return router;
}
