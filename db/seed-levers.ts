import { insertLever, type LeverColumns, type LeverKind, setLeverTouchpoints } from './queries/levers';
import type { DemoContext } from './seed-context';
import { addDays, addWeeks, weekOf } from '@/lib/domain/weeks';
import { betterDirection } from '@/lib/impact/declared-target';

/**
 * The demo's accelerators and blockers (004, point 7). They are older than the weekly tracker (which starts 25
 * weeks ago), so each card's window holds no other change at its touchpoints. "Flexible delivery options" and the
 * removal of the hidden contact details moved their metric (seed-metrics-story: movers), the case studies did not;
 * the order updates were in place before the first answers (no baseline); one blocker is still open.
 */
interface DemoLever {
  kind: LeverKind;
  name: string;
  description: string;
  department: string;
  touchpoints: string[];
  metric: LeverColumns['metric'];
  state: LeverColumns['state'];
  /** A blocker: known since this many weeks ago. */
  knownWeeksAgo?: number;
  /** Put in place or removed this many weeks ago (on the Wednesday). */
  weeksAgo?: number;
  by: string;
}

export const leverStory: DemoLever[] = [
  {
    kind: 'accelerator',
    name: 'Flexible delivery options',
    description:
      'Readers choose at checkout between a courier slot, a parcel locker and pickup at a partner bookshop, and can ' +
      'change their choice until the parcel leaves the warehouse.',
    department: 'Delivery',
    touchpoints: ['Checkout'],
    metric: 'csat',
    state: 'in-place',
    weeksAgo: 34,
    by: 'delivery@demo.test',
  },
  {
    kind: 'accelerator',
    name: 'Case studies on the website',
    description: 'Three readers tell on the home page and the book pages how they found their next book with us.',
    department: 'Marketing',
    touchpoints: ['Search and website', 'Product page'],
    metric: 'nev',
    state: 'in-place',
    weeksAgo: 30,
    by: 'exec@demo.test',
  },
  {
    kind: 'blocker',
    name: 'Contact details hidden on the website',
    description:
      'The phone number and the chat were only on the FAQ page, behind three clicks; now they are in the header of ' +
      'every page.',
    department: 'Website',
    touchpoints: ['Search and website'],
    metric: 'ces',
    state: 'removed',
    knownWeeksAgo: 45,
    weeksAgo: 28,
    by: 'exec@demo.test',
  },
  {
    kind: 'blocker',
    name: "No knowledge of the customer's history",
    description:
      'On the phone agents do not see what the reader ordered or wrote before, so readers tell their story again.',
    department: 'Customer support',
    touchpoints: ['Support chat and phone'],
    metric: 'csat',
    state: 'open',
    knownWeeksAgo: 40,
    by: 'lead@demo.test',
  },
  {
    kind: 'accelerator',
    name: 'Order updates by email at every step',
    description: 'Better communication: an email when the order is packed, handed to the courier and delivered.',
    department: 'Customer support',
    touchpoints: ['Support chat and phone'],
    metric: 'nev',
    state: 'in-place',
    weeksAgo: 54,
    by: 'lead@demo.test',
  },
];

/** The levers of the story, dated back from the week of seeding. Call before the answers are seeded (movers). */
export async function seedLevers(
  { tx, organizationId, people, departmentIds, touchpointIds, now = new Date() }: DemoContext,
  timeZone: string,
) {
  const currentWeek = weekOf(now, timeZone, 1);
  const wednesday = (weeksAgo: number) => addDays(addWeeks(currentWeek, -weeksAgo), 2);
  for (const lever of leverStory) {
    const id = await insertLever(tx, organizationId, {
      kind: lever.kind,
      name: lever.name,
      description: lever.description,
      departmentId: departmentIds.get(lever.department)!,
      metric: lever.metric,
      direction: betterDirection(lever.metric),
      state: lever.state,
      knownSince: lever.knownWeeksAgo === undefined ? null : wednesday(lever.knownWeeksAgo),
      effectiveDate: lever.weeksAgo === undefined ? null : wednesday(lever.weeksAgo),
      createdByUserId: people.get(lever.by)!,
    });
    await setLeverTouchpoints(
      tx,
      organizationId,
      id,
      lever.touchpoints.map((name) => touchpointIds.get(name)!),
    );
  }
}
