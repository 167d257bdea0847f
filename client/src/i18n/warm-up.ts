/** Longer than the formats take to load on a slow phone; past it, the dashboard waits no more. */
const WAIT_AT_MOST_MS = 500;

let warm: Promise<void> = Promise.resolve();

/**
 * Loads the browser's number and date formats for `locale` in a worker while the page waits for
 * its first answers. Where workers are missing or fail, the first formatting on the page loads them.
 */
export function warmUpFormats(locale: string): void {
  if (typeof Worker === 'undefined') return;
  warm = new Promise<void>((resolve) => {
    const worker = new Worker(new URL('./warm-up.worker.ts', import.meta.url), { type: 'module' });
    const end = () => {
      worker.terminate();
      resolve();
    };
    worker.addEventListener('message', end);
    worker.addEventListener('error', end);
    worker.postMessage(locale);
    setTimeout(end, WAIT_AT_MOST_MS);
  });
}

/** Settles once the formats warmUpFormats started are in, or when waiting longer would cost more than it saves. */
export const formatsWarm = (): Promise<void> => warm;
