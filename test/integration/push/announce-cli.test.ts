import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../server/store/sqlite.js';
import { operatorCli } from './operator-cli.js';

describe('npm run announce: the ISP’s own notices', () => {
  const cli = operatorCli('server/notices/announce-cli.ts');
  const announce = cli.run;
  const stored = async () => {
    const store = openSqliteStore({ dataDir: cli.dataDir });
    try {
      return await store.notices.current(new Date());
    } finally {
      await store.close();
    }
  };

  it('keeps the notice until the given day and pushes each notice once, to every subscriber', async () => {
    const first = await announce('--title', 'Аварія на магістралі', '--body', 'Ремонт до 15:00.', '--until', '2999-12-31');
    expect(JSON.parse(first.stdout)).toMatchObject({ notice: expect.stringMatching(/^cabinet-\d+$/), subscribers: 2, sent: 2, failed: 0 });
    const second = await announce('--title', 'Відновлено', '--body', 'Інтернет знову працює.');
    expect(JSON.parse(second.stdout)).toMatchObject({ sent: 2, until: null });
    // Each notice went out once: the first run's push is not repeated by the second.
    expect(cli.push.received.map((received) => received.message.title).sort()).toEqual(['Аварія на магістралі', 'Аварія на магістралі', 'Відновлено', 'Відновлено']);
    expect(cli.push.received[0]?.message).toMatchObject({ url: '/notices' });
    const notices = await stored();
    expect(notices.map((notice) => notice.title)).toEqual(['Відновлено', 'Аварія на магістралі']);
    expect(notices[1]?.until?.startsWith('2999-12-31') || notices[1]?.until?.startsWith('3000-01-01')).toBe(true);
  }, 60_000);

  it('refuses a missing title or body, a long title and a past --until, storing nothing', async () => {
    for (const args of [
      ['--body', 'no title'],
      ['--title', 'no body'],
      ['--title', 'x'.repeat(121), '--body', 'b'],
      ['--title', 't', '--body', 'b', '--until', '2001-01-01'],
      ['--title', 't', '--body', 'b', '--until', 'someday'],
    ]) {
      const failure = await announce(...args).then(
        () => null,
        (error: { code?: number; stderr?: string }) => error,
      );
      expect(failure?.code, args.join(' ')).toBe(2);
      expect(failure?.stderr).toContain('usage: npm run announce');
    }
    expect(await stored()).toEqual([]);
    expect(cli.push.received).toEqual([]);
  }, 90_000);
});
