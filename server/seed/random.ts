/** A small seeded generator (Park–Miller), so every demo is the same demo. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed % 2147483647 || 1;
  }
  next(): number {
    this.state = (this.state * 16807) % 2147483647;
    return this.state / 2147483647;
  }
  between(low: number, high: number): number {
    return low + this.next() * (high - low);
  }
  /** An integer from `low` to `high`, both included. */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    const value = list[Math.floor(this.next() * list.length)];
    if (value === undefined) throw new Error('pick from an empty list');
    return value;
  }
}
