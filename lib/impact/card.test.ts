/** The card of one change: the reference 2 x 2 case end to end, and the cases where nothing can be measured. */
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import messages from '@/messages/en';
import { type Sums, sumsOf } from './answers';
import { impactCard, type CardInput } from './card';
import type { ChangeRecord } from './change';
import { impactSentence, type Translate } from './sentence';
import { defaultThresholds, defaultWindows } from './settings';

const t = createTranslator({ locale: 'en', messages }) as unknown as Translate;
const nps = (n: number, promoters: number, detractors: number) =>
  sumsOf(
    'nps',
    new Map([
      [10, promoters],
      [8, n - promoters - detractors],
      [0, detractors],
    ]),
  );

const T = '00000000-0000-4000-8000-000000000001';
const C = '00000000-0000-4000-8000-000000000002';
const change: ChangeRecord = {
  kind: 'improvement',
  id: '00000000-0000-4000-8000-0000000000a1',
  title: 'Text the delivery slot',
  date: '2026-03-04',
  departmentId: '00000000-0000-4000-8000-0000000000d1',
  departmentName: 'Delivery',
  touchpoints: [{ id: T, name: 'Courier delivery' }],
  metric: 'nps',
  direction: 'up',
  investment: null,
};

const input = (overrides: Partial<CardInput> = {}): CardInput => ({
  change,
  changes: [],
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
          new Map([
            ['2026-02-23', nps(120, 42, 30)],
            ['2026-03-02', nps(110, 50, 18)],
          ]),
        ],
        [
          C,
          new Map([
            ['2026-02-23', nps(400, 160, 80)],
            ['2026-03-02', nps(380, 160, 72)],
          ]),
        ],
      ]),
    ],
  ]),
  settings: { windows: defaultWindows, thresholds: defaultThresholds },
  windows: { baselineWeeks: 1, washoutWeeks: 0, afterWeeks: 1 },
  cesHeadline: 'mean',
  firstDay: 1,
  today: '2026-06-01',
  ...overrides,
});

describe('the card of the 2 x 2 reference case (IMPACT.md)', () => {
  const card = impactCard(input());
  const nps = card.metrics[0]!;

  it('shows the windows it used and that they are not the defaults', () => {
    expect(card.windows).toMatchObject({
      baseline: { from: '2026-02-23', to: '2026-03-01' },
      washout: null,
      after: { from: '2026-03-02', to: '2026-03-08' },
      defaults: false,
    });
  });

  it('gives the effect, its interval and p, the comparison touchpoint, and "inconclusive"', () => {
    expect(card.status).toBe('measured');
    expect(nps).toMatchObject({
      metric: 'nps',
      target: true,
      estimator: 'model',
      unit: 'points',
      verdict: 'inconclusive',
    });
    expect(nps.estimate).toBeCloseTo(15.933, 3);
    expect(nps.low).toBeCloseTo(-6.27, 2);
    expect(nps.high).toBeCloseTo(38.14, 2);
    expect(nps.p).toBeCloseTo(0.1596, 4);
    expect(nps.pAdjusted).toBeCloseTo(0.1596, 4);
    expect(nps.comparison).toEqual([{ id: C, name: 'Checkout' }]);
    expect(nps.before).toEqual({ value: 10, n: 120 });
    expect(nps.after.n).toBe(110);
  });

  it('"no after window is long enough, and the card must say so"', () => {
    expect(nps.settle).toEqual({ status: 'never', detectable: 5, longerBaseline: null });
  });

  it('says it in one plain sentence from the same branches', () => {
    expect(impactSentence(nps, { touchpoints: ['Courier delivery'], afterWeeks: 1 }, t)).toBe(
      'NPS at Courier delivery rose about 16 points more than at the other touchpoints in the same weeks (-6 to +38 points): ' +
        'too uncertain to call. With this baseline, no after window can settle a change of 5 points.',
    );
  });

  it('draws the treated touchpoint against the comparison week by week', () => {
    expect(nps.weeks).toEqual([
      { week: '2026-02-23', part: 'before', treated: 10, treatedN: 120, comparison: 20, comparisonN: 400 },
      expect.objectContaining({ week: '2026-03-02', part: 'after', treatedN: 110, comparisonN: 380 }),
    ]);
  });
});

describe('cards with nothing to say yet', () => {
  it('a change without touchpoints says there is nothing to measure', () => {
    const card = impactCard(input({ change: { ...change, touchpoints: [] } }));
    expect(card.status).toBe('no-touchpoints');
    expect(card.metrics).toEqual([]);
  });

  it('a touchpoint without answers on any metric says so', () => {
    const card = impactCard(input({ cells: new Map() }));
    expect(card.status).toBe('no-answers');
  });

  it('while the after window runs, the verdict is collecting with the week it is in', () => {
    const card = impactCard(
      input({ windows: { baselineWeeks: 1, washoutWeeks: 0, afterWeeks: 2 }, today: '2026-03-05' }),
    );
    expect(card.metrics[0]).toMatchObject({ verdict: 'collecting', collectingWeek: 1, pAdjusted: null });
    expect(impactSentence(card.metrics[0]!, { touchpoints: ['Courier delivery'], afterWeeks: 2 }, t)).toMatch(
      /^NPS at Courier delivery: still collecting, week 1 of 2 of the after window\./,
    );
  });

  it('fewer than 30 answers on a side: not enough data', () => {
    const few = new Map([
      [
        'nps' as const,
        new Map([
          [
            T,
            new Map([
              ['2026-02-23', nps(20, 8, 4)],
              ['2026-03-02', nps(110, 50, 18)],
            ]),
          ],
          [
            C,
            new Map([
              ['2026-02-23', nps(400, 160, 80)],
              ['2026-03-02', nps(380, 160, 72)],
            ]),
          ],
        ]),
      ],
    ]);
    expect(impactCard(input({ cells: few })).metrics[0]!.verdict).toBe('not-enough-data');
  });
});

describe('warnings on the card', () => {
  it('with no other touchpoint measured it falls back to before and after, and says it is uncontrolled', () => {
    const byDate = input().cells.get('nps') as ReadonlyMap<string, ReadonlyMap<string, Sums>>;
    const alone = new Map([['nps' as const, new Map([[T, byDate.get(T)!]])]]);
    const metric = impactCard(input({ cells: alone })).metrics[0]!;
    expect(metric.estimator).toBe('before-after');
    expect(metric.estimate).toBeCloseTo(19.091, 3); // the 2 x 1 reference case
    expect(metric.warnings.map((w) => w.code)).toContain('uncontrolled');
  });

  it('says who answered changed when the channels moved (p < 0.001)', () => {
    const audience = new Map([
      [
        T,
        new Map([
          [
            'nps' as const,
            new Map([
              ['2026-02-23', { channel: { web: 60, phone: 60 }, persona: {} }],
              ['2026-03-02', { channel: { web: 95, phone: 15 }, persona: {} }],
            ]),
          ],
        ]),
      ],
    ]);
    const metric = impactCard(input({ audience })).metrics[0]!;
    expect(metric.warnings).toContainEqual(
      expect.objectContaining({ code: 'who-answered', values: expect.objectContaining({ what: 'channel' }) }),
    );
  });

  it('names changes declaring another metric, which the NPS model assumes did not move it', () => {
    const other: ChangeRecord = {
      ...change,
      id: '00000000-0000-4000-8000-0000000000a2',
      title: 'Faster refunds',
      metric: 'ttr',
    };
    const metric = impactCard(input({ changes: [other] })).metrics[0]!;
    expect(metric.warnings).toContainEqual({ code: 'other-metrics', values: { count: 1 } });
    expect(metric.heldApart).toEqual([]);
  });
});

describe('a joint term in the sentence', () => {
  it('names the changes measured together, so neither reads as if it did it alone', () => {
    const sameWeek: ChangeRecord = { ...change, id: '00000000-0000-4000-8000-0000000000a3', title: 'New courier app' };
    const metric = impactCard(input({ changes: [sameWeek] })).metrics[0]!;
    expect(metric.joint.map((c) => c.title)).toEqual(['New courier app']);
    expect(impactSentence(metric, { touchpoints: ['Courier delivery'], afterWeeks: 1 }, t)).toMatch(
      /^NPS at Courier delivery rose about 16 points .*, together with “New courier app” in the same weeks: too uncertain to call\./,
    );
  });
});

describe('the changes a card marks', () => {
  it('are those at its own touchpoints and those made without a touchpoint, not those elsewhere', () => {
    const at = (n: number, title: string, touchpoints: ChangeRecord['touchpoints']): ChangeRecord => ({
      ...change,
      id: `00000000-0000-4000-8000-0000000000b${n}`,
      title,
      metric: 'csat',
      touchpoints,
    });
    const changes = [
      at(1, 'Checkout redesign', [{ id: C, name: 'Checkout' }]),
      at(2, 'Spring campaign', []),
      at(3, 'New store opening hours', [{ id: '00000000-0000-4000-8000-000000000009', name: 'Store' }]),
    ];
    const card = impactCard(input({ changes }));
    expect(card.changesInWindow.map((c) => c.title).sort()).toEqual(
      ['Spring campaign', 'Text the delivery slot'].sort(),
    );
  });
});
