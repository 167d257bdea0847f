import { describe, expect, it } from 'vitest';
import { operatorCli } from './operator-cli.js';

describe('npm run notify: operators’ messages', () => {
  const cli = operatorCli('server/push/notify-cli.ts');
  const notify = cli.run;

  it('sends to one subscriber by login', async () => {
    const { stdout } = await notify('--login', 'bill0000101', '--title', 'Works tonight', '--body', 'From 2:00 to 4:00');
    expect(JSON.parse(stdout)).toEqual({ subscribers: 1, sent: 1, removed: 0, failed: 0 });
    expect(cli.push.received.map((received) => received.message.title)).toEqual(['Works tonight']);
  });

  it('sends to everyone with a subscription', async () => {
    const { stdout } = await notify('--all', '--title', 'New tariffs', '--body', 'Faster for the same price');
    expect(JSON.parse(stdout)).toEqual({ subscribers: 2, sent: 2, removed: 0, failed: 0 });
    expect(cli.push.received).toHaveLength(2);
  });

  it('explains its usage and sends nothing when the arguments are wrong', async () => {
    await expect(notify('--title', 'No audience')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/usage: npm run notify/) });
    expect(cli.push.received).toHaveLength(0);
  });

  it('exits non-zero and says why when nothing was delivered', async () => {
    await expect(notify('--login', 'nobody', '--title', 'Hello')).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('"subscribers":0'),
      stderr: expect.stringMatching(/nothing was delivered: no subscriber/),
    });
    cli.push.answerWith(500);
    await expect(notify('--all', '--title', 'Hello')).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('"failed":2'),
      stderr: expect.stringMatching(/nothing was delivered: 2 failed/),
    });
  });
});
