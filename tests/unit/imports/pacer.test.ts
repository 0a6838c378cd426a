import { describe, expect, it } from 'vitest';
import { BatchPacer } from '../../../server/imports/pacer.ts';

/** A pacer driven by a fake clock: each row "costs" a fixed number of milliseconds. */
function run(msPerRow: number, batches: number, extraPerBatch = 0): number[] {
  let clock = 0;
  const pacer = new BatchPacer({ targetMs: 15, initial: 500, min: 50, max: 2000 }, () => clock);
  const sizes: number[] = [];
  for (let batch = 0; batch < batches; batch++) {
    pacer.resume();
    clock += pacer.size * msPerRow + extraPerBatch;
    sizes.push(pacer.size);
    pacer.written(pacer.size);
    clock += 1_000; // waiting between batches is not work
  }
  return sizes;
}

describe('import batch pacing', () => {
  it('settles where a batch takes the target time', () => {
    expect(run(0.1, 12).at(-1)).toBe(150); // 150 rows × 0.1 ms = 15 ms
    expect(run(0.02, 12).at(-1)).toBe(750);
  });

  it('stays within its bounds for very cheap and very dear rows', () => {
    expect(run(0.001, 12).at(-1)).toBe(2000);
    expect(run(5, 12).at(-1)).toBe(50);
  });

  it('moves halfway each time instead of jumping', () => {
    const sizes = run(0.1, 3);
    expect(sizes).toEqual([500, 325, 238]);
  });

  it('does not count time between pause and resume', () => {
    let clock = 0;
    const pacer = new BatchPacer({ targetMs: 15, initial: 100, min: 10, max: 1000 }, () => clock);
    pacer.resume();
    clock += 5;
    pacer.pause();
    clock += 500; // reading the file
    pacer.resume();
    clock += 5;
    pacer.written(100); // 100 rows in 10 ms of work: ideal 150, halfway from 100
    expect(pacer.size).toBe(125);
  });
});
