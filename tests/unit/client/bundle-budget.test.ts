import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildClient,
  entryKey,
  kb,
  readManifest,
  routeCosts,
  staticClosure,
  type RouteCost,
} from '../../helpers/bundle-size.ts';

/** KB here is 1,024 bytes of gzip, as the budgets count them. */
const PAGE_BUDGET = 90 * 1024;
/**
 * The live board's target is 60 KB and it is not met yet: 66.5 KB in Danish, 66.0 in English. The
 * base every step shares is 57.1 (the entry 27.9 with the header's account menu, socket.io 10.4, the
 * board's frame 10.1, its catalogue areas 3.1, the core catalogue 1.9, the lucide icon base 1.4);
 * the heaviest step adds 9.4 (the group step with the feedback area; the check-in with its three
 * areas is 9.3). The facilitator's toolbar, the empty-board warning, the comment and move forms, the
 * KPI chart and the effect charts are chunks of their own, fetched by whoever opens or shows them.
 * Until the target is met, the board may not grow past its ceiling.
 */
const LIVE_BOARD_TARGET = 60 * 1024;
const LIVE_BOARD_CEILING = 66.5 * 1024;
const budgetOf = (page: string): number => (page === 'LiveMeeting' ? LIVE_BOARD_CEILING : PAGE_BUDGET);

const outDir = mkdtempSync(join(tmpdir(), 'kadence-bundle-'));
let costs: RouteCost[] = [];

describe('the client bundle budget', () => {
  beforeAll(() => {
    buildClient(outDir);
    costs = routeCosts(outDir);
    const rows = costs.map((cost) => ({
      page: cost.page,
      'page chunk KB': kb(cost.pageChunk),
      'cold load da KB': kb(cost.cold.da),
      'cold load en KB': kb(cost.cold.en),
      'budget KB': kb(budgetOf(cost.page)),
    }));
    console.table(rows);
  }, 240_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('loads every page lazily, so no page sits in the entry chunk', () => {
    const manifest = readManifest(outDir);
    const eager = [...staticClosure(manifest, [entryKey(manifest)])].filter((key) => key.startsWith('pages/'));
    expect(eager).toEqual([]);
    const pageFiles = readdirSync(join(import.meta.dirname, '..', '..', '..', 'client', 'pages')).filter((name) =>
      name.endsWith('.svelte'),
    );
    expect(costs.map((cost) => `${cost.page}.svelte`).sort()).toEqual(pageFiles.sort());
  });

  it('keeps socket.io and the catalogues out of the entry chunk', () => {
    const manifest = readManifest(outDir);
    const entry = staticClosure(manifest, [entryKey(manifest)]);
    expect([...entry].filter((key) => key.startsWith('lib/i18n/'))).toEqual([]);
    const live = routeCosts(outDir).find((cost) => cost.page === 'LiveMeeting');
    const home = routeCosts(outDir).find((cost) => cost.page === 'Home');
    expect(live && home && live.cold.da - home.cold.da).toBeGreaterThan(10 * 1024);
  });

  it('ships WebSocket as the only socket transport, without the long-polling or WebTransport client', () => {
    const scripts = readdirSync(join(outDir, 'assets')).filter((name) => name.endsWith('.js'));
    const code = scripts.map((name) => readFileSync(join(outDir, 'assets', name), 'utf8'));
    expect(code.some((text) => text.includes('WebSocket'))).toBe(true);
    expect(scripts.filter((_, index) => /XMLHttpRequest|WebTransport\(/.test(code[index] ?? ''))).toEqual([]);
  });

  it('opens the live board cold within its ceiling (66.5 KB gzip, target 60 KB) and every other page within 90 KB', () => {
    const over = costs.flatMap((cost) =>
      (['da', 'en'] as const)
        .filter((lang) => cost.cold[lang] > budgetOf(cost.page))
        .map((lang) => `${cost.page} (${lang}): ${kb(cost.cold[lang])} KB > ${kb(budgetOf(cost.page))} KB`),
    );
    expect(over).toEqual([]);
    expect(costs.some((cost) => cost.page === 'LiveMeeting')).toBe(true);
    const live = costs.find((cost) => cost.page === 'LiveMeeting');
    if (live && Math.max(live.cold.da, live.cold.en) > LIVE_BOARD_TARGET) {
      console.warn(
        `live board: ${kb(Math.max(live.cold.da, live.cold.en))} KB cold, above its ${kb(LIVE_BOARD_TARGET)} KB target`,
      );
    }
  });
});
