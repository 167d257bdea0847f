import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type LaunchOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFinished } from 'vitest';
import { LANGUAGES, type Language } from '../../client/src/i18n/index.js';
import { startCabinet, type TestCabinet } from '../support/cabinet.js';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const CHROMIUM: LaunchOptions = { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS };

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM);
}

type CabinetOptions = NonNullable<Parameters<typeof startCabinet>[0]>;

interface PhoneOptions {
  locale?: string;
  colorScheme?: 'light' | 'dark';
}

/**
 * Starts what the tests of the calling describe block share before the first of them and closes it
 * after the last. The getter is for the tests: the value exists only once the hook has run.
 */
function sharedBySuite<T>(start: () => Promise<T>, close: (value: T) => Promise<void>): () => T {
  let value: T | undefined;
  beforeAll(async () => {
    value = await start();
  });
  afterAll(async () => {
    if (value !== undefined) await close(value);
  });
  return () => value!;
}

/** One Chromium for the tests of the calling describe block, which start cabinets of their own. */
export function useChromium(): () => Browser {
  return sharedBySuite(launchChromium, (browser) => browser.close());
}

/**
 * One cabinet and one Chromium for the tests of the calling describe block, started together: each
 * takes seconds. `openPhone` opens a phone page, as `phonePage`, at the cabinet's address.
 */
export function useCabinetInChromium(options: CabinetOptions = {}): {
  cabinet: () => TestCabinet;
  browser: () => Browser;
  openPhone: (phone?: PhoneOptions) => Promise<Page>;
} {
  const running = sharedBySuite(
    () => Promise.all([startCabinet(options), launchChromium()]),
    async ([cabinet, browser]) => {
      await browser.close();
      await cabinet.close();
    },
  );
  const cabinet = () => running()[0];
  const browser = () => running()[1];
  return { cabinet, browser, openPhone: (phone) => openPhoneAt(browser(), cabinet().url, phone) };
}

/**
 * One cabinet and one Chromium on a profile on disk for the tests of the calling describe block: an
 * off-the-record profile neither installs an app nor keeps a permission. The profile is deleted after.
 */
export function useCabinetInChromiumProfile(
  cabinetOptions: CabinetOptions,
  profileOptions: Parameters<typeof chromium.launchPersistentContext>[1],
): { cabinet: () => TestCabinet; context: () => BrowserContext } {
  const running = sharedBySuite(
    async () => {
      const profile = mkdtempSync(join(tmpdir(), 'abonent-chromium-'));
      try {
        const [cabinet, context] = await Promise.all([startCabinet(cabinetOptions), chromium.launchPersistentContext(profile, { ...CHROMIUM, ...profileOptions })]);
        return { profile, cabinet, context };
      } catch (error) {
        rmSync(profile, { recursive: true, force: true });
        throw error;
      }
    },
    async ({ profile, cabinet, context }) => {
      await context.close();
      await cabinet.close();
      rmSync(profile, { recursive: true, force: true });
    },
  );
  return { cabinet: () => running().cabinet, context: () => running().context };
}

/**
 * A phone in each language the cabinet speaks, with the locale its browser asks for. American and
 * British English write dates differently, so a test names the English it checks.
 */
export function phonesInEachLanguage(english: 'en-US' | 'en-GB'): { language: Language; locale: string }[] {
  const locales: Record<Language, string> = { uk: 'uk-UA', ru: 'ru-RU', en: english };
  return LANGUAGES.map((language) => ({ language, locale: locales[language] }));
}

/** A page in a new phone-sized profile speaking the given language, closed when the test ends, that gives up on an element after 10 s. */
export async function phonePage(browser: Browser, options: PhoneOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 780 },
    locale: options.locale ?? 'uk-UA',
    colorScheme: options.colorScheme ?? 'light',
  });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

async function openPhoneAt(browser: Browser, url: string, options: PhoneOptions = {}): Promise<Page> {
  const page = await phonePage(browser, options);
  await page.goto(url);
  return page;
}

/** A cabinet of the test's own (its own billing simulator and data), opened on a phone page; both closed when the test ends. */
export async function openOwnCabinet(browser: Browser, options: CabinetOptions & PhoneOptions = {}): Promise<{ cabinet: TestCabinet; page: Page }> {
  const { locale, colorScheme, ...cabinetOptions } = options;
  const cabinet = await startCabinet(cabinetOptions);
  onTestFinished(() => cabinet.close());
  const page = await openPhoneAt(browser, cabinet.url, { locale, colorScheme });
  return { cabinet, page };
}

/** Intl separates with no-break spaces; assertions read them as plain ones. */
export const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

export async function signIn(page: Page, login: string, password = 'demo'): Promise<void> {
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
}

/** The names of the GraphQL operations the page sends from now on, in order. */
export function operationsSent(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') sent.push((request.postDataJSON() as { operationName: string }).operationName);
  });
  return sent;
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

/** axe counts a control half under the sticky bottom bar as too small a target: check the page as it is read, scrolled to its end. */
export async function expectAccessibleToTheEnd(page: Page, where: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expectNoAxeViolations(page, where);
}
