import { recordAudit } from '@/db/queries/audit';
import { goalReads, goalTargets, goalVersions } from '@/db/schema';
import type { GoalSections, TargetMetric } from '@/lib/domain/goal';
import type { DemoContext } from './seed-context';

const DAY = 24 * 60 * 60_000;

/** Version 1: the first, shorter page, written when the program started five months ago. */
export const bookshelfGoalV1: GoalSections = {
  statement: 'Every reader who orders from Bookshelf wants to come back.',
  whyService:
    'Anyone can sell the same books at the same price. Readers choose us again because of how we treat them: ' +
    'fast answers, honest delivery dates and help when something goes wrong. Service is what keeps our shop alive, ' +
    'and we want to be known for it rather than for discounts.',
  atmosphere:
    'Ordering from us should feel like visiting a friendly local bookshop: calm, personal and without surprises.',
  commitments: [
    'We answer every question within one working day.',
    'We tell the truth about delivery dates.',
    'We fix a problem first and find its cause later.',
  ],
  dayToDay:
    'Every department improves one thing each week that a reader would notice. When you are unsure what to do, ' +
    'ask yourself what would make the reader come back.',
};

/** Version 2: refined after the first months, near the one-page budget. The draft starts equal to it. */
export const bookshelfGoalV2: GoalSections = {
  statement:
    'Every reader who orders from Bookshelf feels known, looked after and sure of their delivery, so they come back and bring a friend.',
  whyService:
    'Anyone can sell the same books at the same price, and readers know it: they compare us in a few clicks. What ' +
    'they cannot find elsewhere is how we treat them. In five months of putting service first, repeat customers grew ' +
    'by 34% and sales by 27%, without a single price cut. Every complaint we answered well became a second order; ' +
    'every broken promise cost us a reader and the friends they talk to. Service is not a cost we carry next to the ' +
    'business: it is the business. It is also the cheaper way to grow: keeping a reader costs far less than winning a ' +
    'new one through advertising.',
  atmosphere:
    'Ordering from us should feel like visiting a friendly local bookshop where the bookseller remembers you. Calm: ' +
    'no hidden fees at checkout, no hunting for contact details. Personal: we know your last order and your ' +
    'favourite authors. Reassuring: you always know where your parcel is and who to ask. Delightful: a book arrives ' +
    'in perfect shape, sometimes with a handwritten note. Readers should leave every contact with us a little happier ' +
    'than they came. Online or at the door, in chat or on the phone, they meet the same warm and competent voice.',
  commitments: [
    'We answer every question within one working day, and solve most problems in the first reply.',
    'We give honest delivery dates and tell you before a parcel is late, not after.',
    'We show the full price before checkout: no fees appear at the last step.',
    'We fix a problem first and find its cause later, then make sure it does not happen again.',
    'We call back when a case is not solved, and offer an alternative when we cannot deliver what was promised.',
  ],
  dayToDay:
    'Every department improves one thing each week that a reader would notice, and writes it down in the weekly ' +
    'tracker. Support reads every complaint and shares what it hears; delivery, the warehouse and IT act on it. ' +
    'Marketing promises only what we can keep and hears first when a service changes. When you are unsure what to ' +
    'do, ask yourself what would make this reader come back, then do it without waiting for permission. Small fixes ' +
    'this week beat big plans next year. Front stage or back stage, each of us shapes what readers feel: the courier at ' +
    'the door as much as the developer behind the checkout.',
};

type SeedTarget = {
  metric: TargetMetric;
  businessMetric?: string;
  touchpoint?: string;
  targetValue: number;
  dueDate: string;
};

function isoDate(date: Date) {
  return date.toISOString().slice(0, 10);
}

/** The demo's one-page goal: two published versions, a draft, and read receipts from some members. */
export async function seedGoal({ tx, organizationId, people, touchpointIds, now: seededAt }: DemoContext) {
  const executive = people.get('exec@demo.test')!;
  const now = (seededAt ?? new Date()).getTime();
  const endOfQuarter = isoDate(new Date(now + 120 * DAY));
  const endOfYear = isoDate(new Date(now + 240 * DAY));
  const v1Targets: SeedTarget[] = [
    { metric: 'nps', targetValue: 40, dueDate: endOfYear },
    { metric: 'business', businessMetric: 'Repeat-customer rate (%)', targetValue: 35, dueDate: endOfYear },
  ];
  const v2Targets: SeedTarget[] = [
    { metric: 'nps', targetValue: 45, dueDate: endOfYear },
    { metric: 'csat', touchpoint: 'Courier delivery', targetValue: 90, dueDate: endOfQuarter },
    { metric: 'ttr', touchpoint: 'Support chat and phone', targetValue: 24, dueDate: endOfQuarter },
    { metric: 'business', businessMetric: 'Repeat-customer rate (%)', targetValue: 40, dueDate: endOfYear },
  ];

  async function insertVersion(sections: GoalSections, targets: SeedTarget[], at: Date, version: number | null) {
    const [row] = await tx
      .insert(goalVersions)
      .values({
        organizationId,
        status: version === null ? 'draft' : 'published',
        version,
        ...sections,
        authorUserId: executive,
        publishedAt: version === null ? null : at,
        updatedAt: at,
      })
      .returning({ id: goalVersions.id });
    await tx.insert(goalTargets).values(
      targets.map((target, position) => ({
        organizationId,
        goalVersionId: row!.id,
        position,
        metric: target.metric,
        businessMetric: target.businessMetric ?? null,
        touchpointId: target.touchpoint ? touchpointIds.get(target.touchpoint)! : null,
        targetValue: target.targetValue,
        dueDate: target.dueDate,
      })),
    );
    if (version !== null) {
      await recordAudit(tx, organizationId, executive, {
        action: 'goal.publish',
        entityType: 'goalVersion',
        entityId: row!.id,
        changes: { name: String(version), version },
      });
    }
    return row!.id;
  }

  const v1At = new Date(now - 150 * DAY);
  const v2At = new Date(now - 20 * DAY);
  const v1 = await insertVersion(bookshelfGoalV1, v1Targets, v1At, 1);
  const v2 = await insertVersion(bookshelfGoalV2, v2Targets, v2At, 2);
  await insertVersion(bookshelfGoalV2, v2Targets, v2At, null);

  // Everyone read the first version; of the second, only the executive and the support lead so far.
  const readers = (emails: string[], goalVersionId: string, at: Date) =>
    emails.map((email, i) => ({
      organizationId,
      goalVersionId,
      userId: people.get(email)!,
      readAt: new Date(at.getTime() + (i + 1) * DAY),
    }));
  await tx
    .insert(goalReads)
    .values([
      ...readers(
        ['exec@demo.test', 'lead@demo.test', 'staff@demo.test', 'delivery@demo.test', 'it@demo.test'],
        v1,
        v1At,
      ),
      ...readers(['exec@demo.test', 'lead@demo.test'], v2, v2At),
    ]);
}
