import { describe, expect, it } from 'vitest';
import { type RetryLog, leaderDigestJob, startLeaderDigestMailRetries } from '../../../server/leader-digest/timers.ts';
import type { DeliveryReport, MailRetryReport } from '../../../server/leader-digest/service.ts';

const report = (email: string, outcome: DeliveryReport['outcome']): DeliveryReport => ({
  unitId: 1,
  unitName: 'Service',
  email,
  month: '2026-11',
  outcome,
});

describe('the leader digest’s daily job', () => {
  it('is a daily slot that looks at the slot’s start', async () => {
    const seen: Date[] = [];
    const job = leaderDigestJob({
      runDue: async (now) => {
        seen.push(now ?? new Date(0));
        return [report('a@example.dk', 'mailed')];
      },
    });
    expect(job).toMatchObject({ name: 'leader-digest', every: 'day' });
    await job.run(new Date('2026-12-01T00:00:00Z'));
    expect(seen).toEqual([new Date('2026-12-01T00:00:00Z')]);
  });

  it('fails the slot, naming the leads, when a mail did not go out (the digests stay in the app)', async () => {
    const job = leaderDigestJob({
      runDue: async () => [report('a@example.dk', 'mailed'), report('b@example.dk', 'mail_failed')],
    });
    await expect(job.run(new Date('2026-12-01T00:00:00Z'))).rejects.toThrow('leader digest not mailed to b@example.dk');
  });
});

describe('the leader digest’s mail retries', () => {
  const retry = (outcome: MailRetryReport['outcome'], attempts: number): MailRetryReport => ({
    digestId: 7,
    unitId: 1,
    month: '2026-11',
    email: 'a@example.dk',
    outcome,
    attempts,
    nextAttemptAt: outcome === 'mail_retry' ? '2026-12-01T02:35:00.000Z' : null,
    ...(outcome === 'mailed' ? {} : { error: '451 try again later' }),
  });

  it('looks for due mails on its interval and logs each attempt: sent, to be tried again, given up', async () => {
    const passes = [[retry('mail_retry', 2)], [retry('mail_failed', 4)], [retry('mailed', 3)]];
    const logged: [string, string, object][] = [];
    const log: RetryLog = {
      info: (fields: object, message: string) => logged.push(['info', message, fields]),
      warn: (fields: object, message: string) => logged.push(['warn', message, fields]),
      error: (fields: object, message: string) => logged.push(['error', message, fields]),
    };
    let calls = 0;
    const stop = startLeaderDigestMailRetries(
      {
        retryMail: async () => {
          calls += 1;
          return passes.shift() ?? [];
        },
      },
      log,
      5,
    );
    await new Promise((resolve) => setTimeout(resolve, 80));
    await stop();
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toBe(after);
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(logged.map(([level, message]) => [level, message])).toEqual([
      ['warn', 'leader digest mail refused; tried again later'],
      ['error', 'leader digest mail given up after its last attempt'],
      ['info', 'leader digest mailed on a later attempt'],
    ]);
    expect(logged[0]?.[2]).toMatchObject({ digestId: 7, attempts: 2, nextAttemptAt: '2026-12-01T02:35:00.000Z' });
  });
});
