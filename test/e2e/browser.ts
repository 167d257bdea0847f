import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, onTestFinished } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A phone-sized browser profile speaking the given language. */
export function newPhone(browser: Browser, options: { locale?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 780 },
    locale: options.locale ?? 'uk-UA',
    colorScheme: options.colorScheme ?? 'light',
  });
}

/** A page in a new phone profile, closed when the test ends, that gives up on an element after 10 s. */
export async function phonePage(browser: Browser, options: { locale?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await newPhone(browser, options);
  onTestFinished(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

/** Intl separates with no-break spaces; assertions read them as plain ones. */
export const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

export async function signIn(page: Page, login: string, password = 'demo'): Promise<void> {
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** WCAG 2.2 AA violations axe-core finds on the page as it is now. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') does not stop it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // Colours fade for 0.15 s after a theme change: axe would judge a colour halfway between two themes.
    await Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation instanceof CSSTransition)
        .map((animation) => animation.finished.catch(() => undefined)),
    );
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target }) => ({ target })) }));
  });
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}
