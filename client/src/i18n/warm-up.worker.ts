/**
 * Formats one amount and one date in the locale it is sent, then says so. Chromium loads ICU's
 * number and date data once per process, so a worker paying for it keeps the 30-70 ms that the
 * first `Intl` format costs off the main thread, where it would block the first dashboard.
 */
import { formatCalendarDate, formatMoney } from './format.js';

addEventListener('message', (event: MessageEvent<string>) => {
  formatMoney(event.data, { amount: '1.5', currency: 'UAH' });
  formatCalendarDate(event.data, '2026-01-01');
  postMessage('done');
});
