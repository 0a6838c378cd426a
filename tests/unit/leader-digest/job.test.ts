import { describe, expect, it } from 'vitest';
import { leaderDigestJob } from '../../../server/leader-digest/timers.ts';
import type { DeliveryReport } from '../../../server/leader-digest/service.ts';

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
