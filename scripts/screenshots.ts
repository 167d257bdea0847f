/**
 * The README's screenshots (docs/screenshots/): the main screens on a phone of 360×780 at 1×, in
 * Ukrainian (the first market) light and dark, and the dashboard in English and Russian, taken in
 * Debian's Chromium from the production build against the demo's Carbon simulator. The signed-in
 * screens are those of BILL0000102, the subscriber in debt. The folder is written anew each run.
 * Run `npm run build:client` first (the `screenshots` npm script does).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startCabinet } from '../server/cabinet.js';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { projectPath } from '../server/paths.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FOLDER = projectPath('docs', 'screenshots');
const SUBSCRIBER = { login: 'BILL0000102', password: 'demo' };

type Language = 'uk' | 'en' | 'ru';
type Theme = 'light' | 'dark';

interface Screen {
  name: string;
  path: string;
  signedIn: boolean;
  /** Shown once the screen has its data. */
  ready: string;
}

// Signed-out screens first: the sign-in form is only there until the subscriber signs in.
const SCREENS: Screen[] = [
  { name: 'sign-in', path: '/', signedIn: false, ready: '#login' },
  { name: 'password-reset', path: '/reset', signedIn: false, ready: 'form input[name="username"]' },
  { name: 'dashboard', path: '/', signedIn: true, ready: '[data-testid="balance"]' },
  { name: 'services', path: '/services', signedIn: true, ready: '[data-testid^="service-"]' },
  { name: 'promise-pay', path: '/promise-pay', signedIn: true, ready: '[data-testid^="offer-"]' },
  { name: 'payments', path: '/payments', signedIn: true, ready: '[data-testid="payments"]' },
];

const SHOTS: { language: Language; theme: Theme; screens: Screen[] }[] = [
  { language: 'uk', theme: 'light', screens: SCREENS },
  { language: 'uk', theme: 'dark', screens: SCREENS },
  ...(['en', 'ru'] as const).map((language) => ({ language, theme: 'light' as const, screens: SCREENS.filter((screen) => screen.name === 'dashboard') })),
];

const BROWSER_LOCALES: Record<Language, string> = { uk: 'uk-UA', en: 'en-US', ru: 'ru-RU' };

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('#login').fill(SUBSCRIBER.login);
  await page.locator('#password').fill(SUBSCRIBER.password);
  await page.locator('form button[type=submit]').click();
  await page.locator('[data-testid="balance"]').waitFor();
}

const dataDir = mkdtempSync(join(tmpdir(), 'abonent-screenshots-'));
const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO: 'true' });
const cabinet = await startCabinet(config, createLogger('silent'));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

try {
  rmSync(FOLDER, { recursive: true, force: true });
  mkdirSync(FOLDER, { recursive: true });
  for (const { language, theme, screens } of SHOTS) {
    // A fresh profile per language and theme: the app takes both from the browser, as on a subscriber's phone.
    const context = await browser.newContext({
      viewport: { width: 360, height: 780 },
      deviceScaleFactor: 1,
      locale: BROWSER_LOCALES[language],
      colorScheme: theme,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    let signedIn = false;
    for (const screen of screens) {
      if (screen.signedIn && !signedIn) {
        await signIn(page, cabinet.url);
        signedIn = true;
      }
      await page.goto(cabinet.url + screen.path);
      await page.locator(screen.ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      const file = `${screen.name}-${language}-${theme}.png`;
      await page.screenshot({ path: join(FOLDER, file), animations: 'disabled' });
      console.log(`docs/screenshots/${file}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await cabinet.close();
  rmSync(dataDir, { recursive: true, force: true });
}
