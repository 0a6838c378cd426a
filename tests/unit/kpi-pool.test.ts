import { describe, expect, it } from 'vitest';
import { computeKpi } from '../../shared/kpi.ts';
import { type TeamMonthCounts, monthsBetween, poolUnitKpis } from '../../shared/kpi-pool.ts';
import { makeServices } from '../helpers/services.ts';

const cell = (teamId: number, metric: TeamMonthCounts['metric'], month: string, score: number, answers: number) => ({
  teamId,
  metric,
  month,
  counts: new Map([[score, answers]]),
});

describe('a unit’s KPIs pooled from its teams’ monthly counts', () => {
  const months = ['2026-10', '2026-11'];

  it('pools the answers (not the teams’ values): n adds up and the interval is the pooled answers’', () => {
    // Team 1: 3 promoters and 1 detractor (n 4, below the minimum on its own); team 2: 2 promoters, 4 detractors.
    const counts = [
      cell(1, 'nps', '2026-11', 10, 3),
      cell(1, 'nps', '2026-11', 2, 1),
      cell(2, 'nps', '2026-11', 9, 2),
      cell(2, 'nps', '2026-11', 0, 4),
    ];
    const unit = poolUnitKpis(counts, months, [1, 2]);
    const pooled = unit.pooled.find((pool) => pool.metric === 'nps');
    expect(pooled?.teamIds).toEqual([1, 2]);
    const november = pooled?.months.find((month) => month.month === '2026-11');
    expect(november).toEqual({
      month: '2026-11',
      teams: 2,
      ...computeKpi(
        'nps',
        new Map([
          [10, 3],
          [9, 2],
          [2, 1],
          [0, 4],
        ]),
      ),
    });
    // 5 promoters, 5 detractors of 10: NPS 0, not the mean of the teams' +50 and −33.
    expect(november).toMatchObject({ n: 10, value: 0, enough: true });
    expect(unit.teams.find((team) => team.teamId === 1)?.months[1]).toMatchObject({ n: 4, value: null, enough: false });
    expect(pooled?.months[0]).toMatchObject({ month: '2026-10', teams: 0, n: 0, enough: false });
  });

  it('keeps metrics side by side: a CSAT team and an NPS team are never one number', () => {
    const counts = [
      cell(1, 'nps', '2026-10', 10, 6),
      cell(2, 'csat', '2026-10', 5, 4),
      cell(2, 'csat', '2026-10', 1, 2),
    ];
    const unit = poolUnitKpis(counts, months, [1, 2]);
    expect(unit.pooled.map((pool) => [pool.metric, pool.teamIds])).toEqual([
      ['nps', [1]],
      ['csat', [2]],
    ]);
    expect(unit.pooled[0]?.months[0]).toMatchObject({ n: 6, value: 100 });
    expect(unit.pooled[1]?.months[0]).toMatchObject({ n: 6, value: 66.7 });
    expect(unit.teams.map((team) => [team.teamId, team.metric])).toEqual([
      [1, 'nps'],
      [2, 'csat'],
    ]);
  });

  it('counts only the teams and months asked for', () => {
    const counts = [
      cell(1, 'rating', '2026-10', 5, 5),
      cell(3, 'rating', '2026-10', 1, 5),
      cell(1, 'rating', '2025-01', 1, 9),
    ];
    const unit = poolUnitKpis(counts, months, [1]);
    expect(unit.pooled[0]?.months[0]).toMatchObject({ n: 5, value: 5 });
    expect(unit.teams).toHaveLength(1);
  });

  it('month ranges cross the year', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
  });
});

describe('the unit read over the rollups (feedback service)', () => {
  it('gives each team’s answers per metric, month and score over all sources, for the teams asked', async () => {
    const ctx = await makeServices();
    const other = await ctx.services.teams.create({ name: 'Butik', slug: 'butik', timezone: 'Europe/Copenhagen' });
    const third = await ctx.services.teams.create({ name: 'Lager', slug: 'lager', timezone: 'Europe/Copenhagen' });
    const answer = (id: string, receivedAt: string, metric: string, score: number, source: string) => ({
      id,
      receivedAt,
      metric,
      score,
      source,
    });
    await ctx.services.imports.ingestBatch(ctx.team, [
      answer('1', '2026-10-05T10:00:00Z', 'nps', 10, 'app'),
      answer('2', '2026-10-06T10:00:00Z', 'nps', 10, 'webshop'),
      // Copenhagen: the first minutes of November.
      answer('3', '2026-10-31T23:30:00Z', 'nps', 3, 'app'),
    ]);
    await ctx.services.imports.ingestBatch(other, [answer('1', '2026-11-02T10:00:00Z', 'csat', 4, 'app')]);
    await ctx.services.imports.ingestBatch(third, [answer('1', '2026-11-02T10:00:00Z', 'csat', 1, 'app')]);
    expect(await ctx.services.feedback.unitCounts([ctx.team.id, other.id], '2026-10', '2026-11')).toEqual([
      { teamId: ctx.team.id, metric: 'nps', month: '2026-10', counts: new Map([[10, 2]]) },
      { teamId: ctx.team.id, metric: 'nps', month: '2026-11', counts: new Map([[3, 1]]) },
      { teamId: other.id, metric: 'csat', month: '2026-11', counts: new Map([[4, 1]]) },
    ]);
    const unit = await ctx.services.feedback.unitKpis([ctx.team.id, other.id], '2026-10', '2026-11');
    expect(unit.pooled.map((pool) => [pool.metric, pool.months.map((month) => month.n)])).toEqual([
      ['nps', [2, 1]],
      ['csat', [0, 1]],
    ]);
    await expect(ctx.services.feedback.unitCounts([ctx.team.id], '2023-11', '2026-11')).rejects.toThrow(/at most 36/);
    await expect(ctx.services.feedback.unitCounts([ctx.team.id], '2026-11', '2026-10')).rejects.toThrow(/after/);
    ctx.db.close();
  });
});
