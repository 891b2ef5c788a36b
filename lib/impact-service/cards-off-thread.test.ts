/**
 * The impact card thread: built as the production build builds it, it computes the same cards as the same function
 * in place, a card that fails comes back as an error without stopping the others, and a batch needs its shared sums.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumsOf } from '@/lib/impact/answers';
import type { ChangeRecord } from '@/lib/impact/change';
import { defaultThresholds, defaultWindows } from '@/lib/impact/settings';
import { type CardComputer, type CardJob, inPlace, offThread, type SharedInput } from './cards-off-thread';

const dir = mkdtempSync(path.join(tmpdir(), 'card-thread-'));
let thread: CardComputer;

beforeAll(async () => {
  process.env.NEXT_DIST_DIR = path.relative(process.cwd(), dir);
  // The same build step the production build runs (scripts/build-card-thread.mjs), into a folder of our own.
  const { buildCardThread } = (await import(path.join(process.cwd(), 'scripts', 'build-card-thread.mjs'))) as {
    buildCardThread: () => void;
  };
  buildCardThread();
  thread = offThread(path.join(dir, 'impact-card-thread.cjs'));
  delete process.env.NEXT_DIST_DIR;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T = '00000000-0000-4000-8000-000000000001';
const C = '00000000-0000-4000-8000-000000000002';
const week = (n: number, promoters: number) =>
  sumsOf(
    'nps',
    new Map([
      [10, promoters],
      [8, n - promoters - 10],
      [0, 10],
    ]),
  );
const shared: SharedInput = {
  touchpoints: new Map([
    [T, { name: 'Courier delivery', stageId: null }],
    [C, { name: 'Checkout', stageId: null }],
  ]),
  cells: new Map([
    [
      'nps',
      new Map([
        [
          T,
          new Map(
            ['2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09'].map((w, i) => [
              w,
              week(100, 40 + 4 * i),
            ]),
          ),
        ],
        [
          C,
          new Map(
            ['2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09'].map((w, i) => [
              w,
              week(300, 120 + i),
            ]),
          ),
        ],
      ]),
    ],
  ]),
  settings: { windows: defaultWindows, thresholds: defaultThresholds },
  cesHeadline: 'mean',
  firstDay: 1,
  today: '2026-06-01',
};
const change: ChangeRecord = {
  kind: 'improvement',
  id: '00000000-0000-4000-8000-0000000000a1',
  title: 'Text the delivery slot',
  date: '2026-02-25',
  departmentId: '00000000-0000-4000-8000-0000000000d1',
  departmentName: 'Delivery',
  touchpoints: [{ id: T, name: 'Courier delivery' }],
  metric: 'nps',
  direction: 'up',
  investment: null,
};
const windows = { baselineWeeks: 2, washoutWeeks: 0, afterWeeks: 2 };
const jobs: CardJob[] = [
  { change, changes: [], windows },
  { change: { ...change, id: '00000000-0000-4000-8000-0000000000a2', touchpoints: [] }, changes: [], windows },
];

describe('the impact card thread', () => {
  it('computes the same cards as in place', async () => {
    const here = inPlace();
    here.begin(shared);
    thread.begin(shared);
    const [onThread, inHere] = [await thread.compute(jobs), await here.compute(jobs)];
    expect(onThread.map((r) => r.ok && r.card.status)).toEqual(['measured', 'no-touchpoints']);
    expect(onThread).toEqual(inHere);
  });

  it('answers a card that fails with its error, and computes the others', async () => {
    thread.begin(shared);
    const broken = { ...jobs[0]!, windows: undefined as unknown as CardJob['windows'] };
    const results = await thread.compute([broken, jobs[0]!]);
    expect(results[0]).toMatchObject({ ok: false, error: expect.any(String) });
    expect(results[1]).toMatchObject({ ok: true });
  });
});
