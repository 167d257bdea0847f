/**
 * The README's screenshots (docs/screenshots/): on a phone of 360×780 at 1×, in Ukrainian (the first
 * market), taken in Debian's Chromium from the production build against the demo's Carbon simulator:
 * the dashboard of each of the four demo subscribers (BILL0000101 in good standing, 102 in debt, 103
 * blocked, 104 paused), each flow, and a few in dark and in English and Russian. The folder is
 * written anew each run. Run `npm run build:client` first (the `screenshots` npm script does).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startCabinet } from '../server/cabinet.js';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { projectPath } from '../server/paths.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FOLDER = projectPath('docs', 'screenshots');
const PASSWORD = 'demo';

type Language = 'uk' | 'en' | 'ru';
type Theme = 'light' | 'dark';

interface Shot {
  name: string;
  /** The demo subscriber signed in, or null for the screens before sign-in. */
  login: string | null;
  path: string;
  /** Shown once the screen has its data. */
  ready: string;
  /** Brings the screen to the moment shown, after `ready`. */
  act?(page: Page): Promise<void>;
}

const DASHBOARD = '[data-testid="balance"]';

// One browser profile per subscriber: its shots follow each other without signing in again.
const SHOTS: Shot[] = [
  { name: 'sign-in', login: null, path: '/', ready: '#login' },
  {
    name: 'sign-in-help',
    login: null,
    path: '/',
    ready: '#login',
    // A wrong password: the message says what happened and links the reset with the login filled in.
    async act(page) {
      await fillSignIn(page, 'BILL0000101', 'not-the-password');
      await page.getByRole('alert').getByRole('link').waitFor();
    },
  },
  {
    name: 'password-reset',
    login: null,
    path: '/reset',
    ready: 'input[name="username"]',
    // The code has been sent: the screen says where and asks for it with the new password.
    async act(page) {
      await page.locator('input[name="username"]').fill('BILL0000101');
      await page.locator('form button[type=submit]').click();
      await page.locator('input[name="one-time-code"]').waitFor();
    },
  },
  { name: 'dashboard-good-standing', login: 'BILL0000101', path: '/', ready: DASHBOARD },
  { name: 'services', login: 'BILL0000101', path: '/services', ready: '[data-testid^="service-"]' },
  { name: 'history', login: 'BILL0000101', path: '/history', ready: '[data-testid="month"]' },
  { name: 'connection', login: 'BILL0000101', path: '/connection', ready: '[data-testid="line"]' },
  { name: 'support', login: 'BILL0000101', path: '/support', ready: '[data-testid="tickets"]' },
  { name: 'pause', login: 'BILL0000101', path: '/pause', ready: '#pause-new' },
  { name: 'dashboard-in-debt', login: 'BILL0000102', path: '/', ready: DASHBOARD },
  { name: 'top-up', login: 'BILL0000102', path: '/top-up', ready: '[data-testid^="method-"]' },
  { name: 'promise-pay', login: 'BILL0000102', path: '/promise-pay', ready: '[data-testid^="offer-"]' },
  { name: 'dashboard-blocked', login: 'BILL0000103', path: '/', ready: DASHBOARD },
  { name: 'dashboard-paused', login: 'BILL0000104', path: '/', ready: DASHBOARD },
];

const shots = (...names: string[]) => SHOTS.filter((shot) => names.includes(shot.name));

const TAKES: { language: Language; theme: Theme; shots: Shot[] }[] = [
  { language: 'uk', theme: 'light', shots: SHOTS },
  { language: 'uk', theme: 'dark', shots: shots('sign-in', 'dashboard-in-debt') },
  { language: 'en', theme: 'light', shots: shots('dashboard-in-debt') },
  { language: 'ru', theme: 'light', shots: shots('dashboard-in-debt') },
];

const BROWSER_LOCALES: Record<Language, string> = { uk: 'uk-UA', en: 'en-US', ru: 'ru-RU' };

async function fillSignIn(page: Page, login: string, password: string): Promise<void> {
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
}

const dataDir = mkdtempSync(join(tmpdir(), 'abonent-screenshots-'));
const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO: 'true' });
const cabinet = await startCabinet(config, createLogger('silent'));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

let totalBytes = 0;
try {
  rmSync(FOLDER, { recursive: true, force: true });
  mkdirSync(FOLDER, { recursive: true });
  for (const { language, theme, shots: taken } of TAKES) {
    for (const login of new Set(taken.map((shot) => shot.login))) {
      // A fresh profile per subscriber, language and theme: the app takes both from the browser, as on a subscriber's phone.
      const context = await browser.newContext({
        viewport: { width: 360, height: 780 },
        deviceScaleFactor: 1,
        locale: BROWSER_LOCALES[language],
        colorScheme: theme,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      if (login) {
        await page.goto(cabinet.url);
        await fillSignIn(page, login, PASSWORD);
        await page.locator(DASHBOARD).waitFor();
      }
      for (const shot of taken.filter((candidate) => candidate.login === login)) {
        await page.goto(cabinet.url + shot.path);
        await page.locator(shot.ready).first().waitFor();
        await shot.act?.(page);
        await page.waitForLoadState('networkidle');
        const file = `${shot.name}-${language}-${theme}.png`;
        await page.screenshot({ path: join(FOLDER, file), animations: 'disabled' });
        const bytes = statSync(join(FOLDER, file)).size;
        totalBytes += bytes;
        console.log(`docs/screenshots/${file} (${Math.round(bytes / 1000)} KB)`);
      }
      await context.close();
    }
  }
  console.log(`${Math.round(totalBytes / 1000)} KB in all`);
} finally {
  await browser.close();
  await cabinet.close();
  rmSync(dataDir, { recursive: true, force: true });
}
