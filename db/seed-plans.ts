import { TZDate } from '@date-fns/tz';
import { currentGoal } from './queries/goal';
import {
  answerRequest,
  insertPlanItem,
  listRequests,
  setPlanItemAffectedDepartments,
  setPlanItemTouchpoints,
  syncRequests,
} from './queries/plans';
import type { DemoContext } from './seed-context';
import type { TargetMetric } from '@/lib/domain/goal';
import { requestsFor, type PlanItemStatus } from '@/lib/domain/plans';
import { addDays, addWeeks, weekOf } from '@/lib/domain/weeks';
import { betterDirection } from '@/lib/impact/declared-target';

interface DemoItem {
  department: string;
  title: string;
  description?: string;
  owner?: string;
  dueInDays?: number;
  status: PlanItemStatus;
  dropReason?: string;
  quickWin?: boolean;
  investment?: number;
  expectedOutcome?: string;
  touchpoints?: string[];
  affects?: string[];
  changesPromise?: boolean;
  commitment?: number;
  /** The goal target it serves (by its metric): the item declares that metric, going its better way. */
  target?: TargetMetric;
  /** A metric declared by hand, for an item that serves a commitment rather than a target. */
  metric?: TargetMetric;
  /** A done item: how many weeks ago (counted from this week) it was marked done and took effect, on a Thursday. */
  tookEffectWeeksAgo?: number;
  answers?: Record<string, { status: 'acknowledged' | 'concern'; comment?: string; by: string }>;
}

// The bookstore's plans: each department's contribution to the goal, some finished, some waiting for others.
const items: DemoItem[] = [
  {
    department: 'Customer support',
    title: 'Answer every chat within 2 minutes',
    owner: 'lead@demo.test',
    dueInDays: 10,
    status: 'in_progress',
    quickWin: true,
    investment: 0,
    expectedOutcome: 'CSAT at support +10 points',
    touchpoints: ['Support chat and phone'],
    commitment: 0,
    description: 'A second person on chat in the evening peak, and ready answers for the ten most common questions.',
  },
  {
    department: 'Customer support',
    title: 'Call back every unresolved case within 24 hours',
    owner: 'staff@demo.test',
    dueInDays: 30,
    status: 'planned',
    investment: 18000,
    expectedOutcome: 'No case left without an answer; TTR median under 24 h',
    touchpoints: ['Support chat and phone', 'Returns'],
    affects: ['IT'],
    description: 'A callback queue in the CRM, so no customer has to chase us.',
  },
  {
    department: 'Customer support',
    title: 'Knowledge base for the 20 most asked questions',
    owner: 'lead@demo.test',
    dueInDays: -20,
    status: 'done',
    tookEffectWeeksAgo: 3,
    investment: 15000,
    expectedOutcome: '15% fewer chats about delivery and returns; TTR median under 24 h',
    touchpoints: ['Support chat and phone'],
    target: 'ttr',
  },
  {
    department: 'Customer support',
    title: 'Chat and phone open until 22:00 on weekdays',
    owner: 'lead@demo.test',
    dueInDays: -85,
    status: 'done',
    tookEffectWeeksAgo: 12,
    investment: 24000,
    expectedOutcome: 'Readers who work late reach us the same day; NPS +5',
    touchpoints: ['Support chat and phone'],
    target: 'nps',
    description: 'Two agents on a late shift, paid from the overtime budget.',
  },
  {
    department: 'Delivery',
    title: 'One-day delivery in Kyiv',
    owner: 'delivery@demo.test',
    dueInDays: 45,
    status: 'in_progress',
    investment: 250000,
    expectedOutcome: 'Repeat-customer rate +5 points in Kyiv',
    touchpoints: ['Courier delivery', 'Checkout'],
    affects: ['IT', 'Warehouse', 'Finance'],
    changesPromise: true,
    target: 'business',
    description:
      'Orders placed before 14:00 arrive the same day or the next morning. Needs tracking and priority picking.',
    answers: {
      IT: { status: 'acknowledged', comment: 'Tracking API ready in sprint 3.', by: 'it@demo.test' },
      Finance: {
        status: 'concern',
        comment: 'Courier costs rise about 18%: we need a pricing decision first.',
        by: 'exec@demo.test',
      },
    },
  },
  {
    department: 'Delivery',
    title: "SMS with the courier's two-hour window",
    owner: 'delivery@demo.test',
    dueInDays: -35,
    status: 'done',
    tookEffectWeeksAgo: 5,
    quickWin: true,
    investment: 6000,
    expectedOutcome: 'Fewer failed deliveries; courier CSAT towards 90%',
    touchpoints: ['Courier delivery'],
    target: 'csat',
    description: 'The four-hour window of the weekly trial, narrowed to two hours for every order.',
  },
  {
    department: 'Website',
    title: 'Show the delivery cost on the product page',
    dueInDays: -12,
    status: 'done',
    tookEffectWeeksAgo: 2,
    quickWin: true,
    investment: 8000,
    expectedOutcome: 'No surprise fees at checkout; checkout abandonment −10%',
    touchpoints: ['Product page', 'Checkout'],
    commitment: 2,
    metric: 'ces',
  },
  {
    department: 'Website',
    title: 'One-page checkout',
    dueInDays: -3,
    status: 'planned',
    investment: 120000,
    expectedOutcome: 'Checkout CES from 4.6 to 5.5',
    touchpoints: ['Checkout', 'Payment'],
    affects: ['IT', 'Finance'],
  },
  {
    department: 'Marketing',
    title: 'Align newsletter promises with real delivery times',
    dueInDays: 20,
    status: 'planned',
    expectedOutcome: 'No promise we cannot keep',
    affects: ['Delivery'],
  },
  {
    department: 'Warehouse',
    title: 'Gift wrapping option',
    dueInDays: -5,
    status: 'dropped',
    dropReason: 'The packaging supplier cannot deliver before the holidays.',
    investment: 30000,
    touchpoints: ['Packaging'],
    changesPromise: true,
  },
  {
    department: 'IT',
    title: 'Order tracking page',
    owner: 'it@demo.test',
    dueInDays: 25,
    status: 'in_progress',
    investment: 90000,
    expectedOutcome: '“Where is my order?” chats −30%',
    touchpoints: ['Courier delivery', 'Support chat and phone'],
    affects: ['Delivery', 'Customer support'],
  },
  {
    department: 'IT',
    title: 'Card payment retried without typing the card again',
    owner: 'it@demo.test',
    dueInDays: -60,
    status: 'done',
    tookEffectWeeksAgo: 6,
    investment: 45000,
    expectedOutcome: 'A declined card no longer means starting over; payment CES +0.3',
    touchpoints: ['Payment'],
    metric: 'ces',
    affects: ['Finance'],
    answers: { Finance: { status: 'acknowledged', comment: 'Fine by us.', by: 'exec@demo.test' } },
  },
  {
    department: 'Finance',
    title: 'Refunds in 3 days instead of 10',
    dueInDays: 40,
    status: 'planned',
    expectedOutcome: 'Returns CSAT +15 points',
    touchpoints: ['Returns'],
    affects: ['Customer support'],
  },
  {
    department: 'HR',
    title: 'Service training for every new support hire',
    dueInDays: 60,
    status: 'planned',
    investment: 40000,
    expectedOutcome: 'New staff answer like veterans after 2 weeks',
    affects: ['Customer support'],
  },
];

/** The instant of an hour of a day in the organization's time zone. */
function instantIn(day: string, hour: number, timeZone: string) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, hour, 0, timeZone).getTime());
}

function dateIn(now: Date, days: number) {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The demo's action plans: items for every department and some pending requests. A done item took effect on the
 * day it was marked done and declares the metric of the goal target it serves (or one chosen by hand).
 */
export async function seedPlans(
  { tx, organizationId, people, departmentIds, touchpointIds, now = new Date() }: DemoContext,
  timeZone: string,
) {
  const goal = await currentGoal(tx, organizationId);
  const thisWeek = weekOf(now, timeZone, 1);
  const marketing = departmentIds.get('Marketing')!;
  for (const demo of items) {
    const departmentId = departmentIds.get(demo.department)!;
    const served = demo.target ? goal?.targets.find((t) => t.metric === demo.target) : undefined;
    const metric = demo.metric ?? served?.metric ?? null;
    const doneOn = demo.status === 'done' ? addDays(addWeeks(thisWeek, -(demo.tookEffectWeeksAgo ?? 1)), 3) : null;
    const item = await insertPlanItem(tx, organizationId, {
      departmentId,
      createdBy: people.get(demo.owner ?? 'exec@demo.test')!,
      title: demo.title,
      description: demo.description ?? '',
      ownerUserId: demo.owner ? people.get(demo.owner)! : null,
      dueDate: demo.dueInDays === undefined ? null : dateIn(now, demo.dueInDays),
      status: demo.status,
      dropReason: demo.dropReason ?? null,
      quickWin: demo.quickWin ?? false,
      investment: demo.investment ?? null,
      expectedOutcome: demo.expectedOutcome ?? '',
      changesPromise: demo.changesPromise ?? false,
      servesCommitment: demo.commitment !== undefined ? (goal?.commitments[demo.commitment] ?? null) : null,
      servesTargetId: served?.id ?? null,
      completedAt: doneOn ? instantIn(doneOn, 16, timeZone) : null,
      effectiveDate: doneOn,
      metric,
      direction: metric ? betterDirection(metric) : null,
    });
    await setPlanItemTouchpoints(
      tx,
      organizationId,
      item.id,
      (demo.touchpoints ?? []).map((name) => touchpointIds.get(name)!),
    );
    const affected = (demo.affects ?? []).map((name) => departmentIds.get(name)!);
    await setPlanItemAffectedDepartments(tx, organizationId, item.id, affected);
    await syncRequests(
      tx,
      organizationId,
      item.id,
      requestsFor(
        {
          departmentId,
          status: demo.status,
          affectedDepartmentIds: affected,
          changesPromise: demo.changesPromise ?? false,
        },
        marketing,
      ),
    );
    for (const request of await listRequests(tx, organizationId, { planItemIds: [item.id] })) {
      const answer = demo.answers?.[request.departmentName];
      if (answer)
        await answerRequest(tx, organizationId, request.id, {
          status: answer.status,
          comment: answer.comment ?? '',
          answeredBy: people.get(answer.by)!,
        });
    }
  }
}
