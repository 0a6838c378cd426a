import { createHmac, randomBytes } from 'node:crypto';
import type { Executor } from '../db/kysely/store.ts';

const SETTING = 'customer_ref_key';
const MEMO_LIMIT = 20_000;

function pseudonymiserWith(key: Buffer): (reference: string) => string {
  // Exports repeat the same customers over and over; an HMAC per row was a fifth of an import's
  // JavaScript time. The memo is bounded and emptied when full, so memory stays flat.
  const memo = new Map<string, string>();
  return (reference) => {
    const normalised = reference.trim().toLowerCase();
    let hashed = memo.get(normalised);
    if (hashed === undefined) {
      hashed = createHmac('sha256', key).update(normalised).digest('hex').slice(0, 32);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(normalised, hashed);
    }
    return hashed;
  };
}

/**
 * Customer references are stored only as a keyed hash: the same customer always maps to the same
 * value (so erasure on request can find every row), but the raw e-mail or id is never kept.
 * The key lives in the settings table so it survives restarts and backups restore it too; it is
 * made once if missing and read through the store (either dialect), then hashing is synchronous.
 */
export async function loadPseudonymiser(db: Executor): Promise<(reference: string) => string> {
  await db
    .insertInto('settings')
    .values({ key: SETTING, value: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', SETTING).executeTakeFirstOrThrow();
  return pseudonymiserWith(Buffer.from(row.value, 'hex'));
}
