/**
 * Counts how often each content hash has come up so far in one file: the 1st, 2nd, 3rd identical
 * row. Rows without an answer id are told apart by this number, so identical answers in one file are
 * all kept, while the same file (or an overlapping export) again finds the same keys.
 *
 * A million distinct rows must not cost a million JavaScript strings (~80 MB in a Map): the table
 * keeps 64 bits of each SHA-1 digest in a flat typed array (8 bytes a slot, ~16 MB for a million
 * rows), and only the few hashes seen more than once carry a count in a Map. Two different rows share
 * a 64-bit prefix with a chance of about 1 in 10^7 per million-row file; even then both keys stay
 * distinct, since the full hash is part of each key.
 */
export class OccurrenceCounter {
  private slots = new Uint32Array(2 * 1024);
  private size = 0;
  private readonly repeats = new Map<string, number>();

  /** The occurrence number (1, 2, 3 …) of this digest in the file, counting this one. */
  next(digest: Buffer): number {
    const high = digest.readUInt32BE(0);
    // 0/0 marks an empty slot; a digest starting with 64 zero bits counts as …0001.
    const low = digest.readUInt32BE(4) || (high === 0 ? 1 : 0);
    if (this.insert(high, low)) return 1;
    const key = `${high}:${low}`;
    const count = (this.repeats.get(key) ?? 1) + 1;
    this.repeats.set(key, count);
    return count;
  }

  /** True when the fingerprint was new. */
  private insert(high: number, low: number): boolean {
    if ((this.size + 1) * 2 > this.slots.length / 2) this.grow();
    const mask = this.slots.length / 2 - 1;
    for (let slot = (low ^ Math.imul(high, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 2;
      if (this.slots[at] === 0 && this.slots[at + 1] === 0) {
        this.slots[at] = high;
        this.slots[at + 1] = low;
        this.size++;
        return true;
      }
      if (this.slots[at] === high && this.slots[at + 1] === low) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.size = 0;
    for (let at = 0; at < old.length; at += 2) {
      const high = old[at] ?? 0;
      const low = old[at + 1] ?? 0;
      if (high !== 0 || low !== 0) this.insert(high, low);
    }
  }
}
