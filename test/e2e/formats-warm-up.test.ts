import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { i18nFor } from '../support/i18n.js';
import { phonePage, plain, signIn, useCabinetInChromium } from './browser.js';

/**
 * The page loads the browser's number and date formats in a worker while it waits for its data, so
 * the first dashboard does not pay for them on the main thread. The worker must pass the page's
 * Content-Security-Policy, and the dashboard must not wait for it longer than it takes.
 */
describe('the number and date formats, loaded beside the first answers', () => {
  const { cabinet, browser } = useCabinetInChromium();

  it('start in a worker the page may run, then the dashboard shows its amounts and dates', async () => {
    const page = await phonePage(browser(), { locale: 'en-GB' });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    const workers: Worker[] = [];
    page.on('worker', (worker) => workers.push(worker));
    await page.goto(cabinet().url);
    await signIn(page, 'BILL0000101');
    await expect.poll(() => page.getByTestId('balance').count()).toBe(1);

    expect(workers.map((worker) => new URL(worker.url()).pathname)).toEqual([expect.stringMatching(/^\/assets\/warm-up\.worker-[\w-]+\.js$/)]);
    // "Internet works until 11 December": an en-GB date, formatted once the formats were in.
    const { m } = i18nFor('en', ['en-GB']);
    const status = plain(await page.getByTestId('status').textContent());
    expect(status.startsWith(m.headlineWorksUntil({ date: '' }))).toBe(true);
    expect(status.slice(m.headlineWorksUntil({ date: '' }).length)).toMatch(/^\d{1,2} [A-Z][a-z]+( \d{4})?$/);
    expect(problems).toEqual([]);
  });

});
