import { insertImprovement, setImprovementTouchpoints } from './queries/weekly';
import type { DemoContext } from './seed-context';
import { addDays, addWeeks, dateIn, weekOf, weeksBetween } from '@/lib/domain/weeks';

// Improvements the bookstore's areas might make, week after week (cycled through).
const ideas: Record<string, string[]> = {
  'Customer support': [
    'Evening chat shift',
    'Ready answers for delivery questions',
    'Callback within 24 h',
    'Named agent per case',
    'Refund status in replies',
    'Chat greeting by name',
  ],
  Delivery: [
    'SMS with time window',
    'Photo on delivery',
    'Parcel lockers in 3 districts',
    'Courier calls 30 min ahead',
    'Weekend delivery',
    'Failed-delivery follow-up',
  ],
  Website: [
    'Delivery cost on product page',
    'Search typo tolerance',
    'Stock shown per format',
    'Faster category pages',
    'Guest checkout',
    'Reviews sorted by helpfulness',
  ],
  Marketing: [
    'Newsletter promises checked',
    'Honest delivery times in ads',
    'Reader stories on the homepage',
    'Clear return policy page',
  ],
  Warehouse: [
    'Bookmark in every parcel',
    'Double check of gift orders',
    'Recycled padding',
    'Packing photo for fragile orders',
  ],
  IT: [
    'Tracking link in emails',
    'Payment retry without re-entry',
    'Order status API for support',
    'Outage alerts to support',
  ],
  Finance: ['Refund in 3 days', 'Invoice on request in chat', 'Cash-on-delivery receipt by SMS'],
  HR: ['Service training for new hires', 'Buddy for first two weeks', 'Monthly customer-story session'],
};

// How often each area logs (its habit), so streaks and gaps differ from row to row.
const habit: Record<string, number> = {
  'Customer support': 0.96,
  Delivery: 0.9,
  Website: 0.85,
  Marketing: 0.6,
  Warehouse: 0.75,
  IT: 0.8,
  Finance: 0.55,
  HR: 0.5,
};
const owners: Record<string, string> = {
  'Customer support': 'lead@demo.test',
  Delivery: 'delivery@demo.test',
  IT: 'it@demo.test',
};
const touchpointsOf: Record<string, string[]> = {
  'Customer support': ['Support chat and phone', 'Returns'],
  Delivery: ['Courier delivery'],
  Website: ['Search and website', 'Product page', 'Checkout'],
  Warehouse: ['Packaging'],
  IT: ['Checkout', 'Payment'],
  Finance: ['Payment', 'Returns'],
};

/** A small seeded generator, so the demo tells the same story every time. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 26 weeks of history: mostly filled, some gaps and late entries, streaks of different lengths. */
export async function seedWeekly(
  { tx, organizationId, people, departmentIds, touchpointIds }: DemoContext,
  timeZone: string,
  now = new Date(),
) {
  const currentWeek = weekOf(now, timeZone, 1);
  const today = dateIn(now, timeZone);
  const next = random(20260522);
  const exec = people.get('exec@demo.test')!;
  for (const [department, departmentId] of departmentIds) {
    const titles = ideas[department] ?? ['Process review'];
    let used = 0;
    for (let back = 25; back >= 0; back--) {
      const week = addWeeks(currentWeek, -back);
      // This week: the reliable areas have logged already; the rest have not yet (they get reminded).
      const logs = back === 0 ? habit[department]! >= 0.85 : next() < habit[department]!;
      if (!logs) continue;
      const late = back > 0 && next() < 0.12;
      const effectiveDate =
        weeksBetween(week, currentWeek) === 0 ? (today < addDays(week, 2) ? week : addDays(week, 2)) : addDays(week, 2);
      const title = titles[used++ % titles.length]!;
      const owner = owners[department];
      const improvement = await insertImprovement(tx, organizationId, {
        departmentId,
        weekStart: week,
        late,
        createdBy: owner ? people.get(owner)! : exec,
        title,
        process: title.toLowerCase(),
        before: 'Done by habit, not measured.',
        after: `${title}, checked every week.`,
        metric: department === 'Customer support' ? 'csat' : department === 'Delivery' ? 'nps' : null,
        businessMetric: '',
        direction: department === 'Customer support' || department === 'Delivery' ? 'up' : null,
        source: used % 4 === 0 ? 'idea' : null,
        sourcePlanItemId: undefined,
        sourceNote: used % 4 === 0 ? 'Suggested by front-line staff' : '',
        ownerUserId: owner ? people.get(owner)! : undefined,
        effectiveDate,
      });
      const links = (touchpointsOf[department] ?? []).map((name) => touchpointIds.get(name)!).slice(0, 1 + (used % 2));
      if (improvement) await setImprovementTouchpoints(tx, organizationId, improvement.id, links);
    }
  }
}
