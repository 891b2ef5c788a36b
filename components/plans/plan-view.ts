import 'server-only';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Department } from '@/db/queries/departments';
import type { GoalTarget } from '@/db/queries/goal';
import type { Touchpoint } from '@/db/queries/journey';
import type { Organization } from '@/db/queries/organizations';
import type { PlanItemView } from '@/db/queries/plans';
import type { TargetMetric } from '@/lib/domain/goal';
import { isOverdue, todayIn } from '@/lib/domain/plans';
import { targetLockedSince } from '@/lib/impact/declared-target';
import type { PlanItemCardView } from './plan-item-card';
import type { PlanFormChoices } from './plan-item-form';

/** Everything a plan page needs to show items and fill the item form; the page reads it once and passes it here. */
export interface PlanContext {
  members: { userId: string; name: string; departmentId: string | null; departmentName: string | null }[];
  touchpoints: Pick<Touchpoint, 'id' | 'name'>[];
  departments: Pick<Department, 'id' | 'name'>[];
  /** The published goal, whose commitments and targets an item may serve. */
  goal: {
    commitments: string[];
    targets: Pick<GoalTarget, 'id' | 'metric' | 'businessMetric' | 'touchpointId' | 'targetValue' | 'dueDate'>[];
  } | null;
  promiseOwner: { name: string } | null;
}

async function targetLabel(
  goal: NonNullable<PlanContext['goal']>,
  targetId: string,
  touchpointNames: Map<string, string>,
) {
  const t = await getTranslations('plans');
  const target = goal.targets.find((x) => x.id === targetId);
  if (!target) return null;
  const metric = target.metric === 'business' ? (target.businessMetric ?? '') : t(`metric.${target.metric}`);
  const where = target.touchpointId ? touchpointNames.get(target.touchpointId) : null;
  return t('targetLabel', { metric, value: target.targetValue, date: target.dueDate, where: where ?? 'company' });
}

export async function formChoices(
  context: PlanContext,
  departmentId: string,
  organization: Pick<Organization, 'currency' | 'timeZone'>,
): Promise<PlanFormChoices> {
  const t = await getTranslations('plans');
  const touchpointNames = new Map(context.touchpoints.map((tp) => [tp.id, tp.name]));
  const serves = [];
  const servesMetric: Record<string, TargetMetric> = {};
  if (context.goal) {
    context.goal.commitments.forEach((text, i) =>
      serves.push({ value: `commitment:${i}`, label: t('commitmentLabel', { text }) }),
    );
    for (const target of context.goal.targets) {
      serves.push({
        value: `target:${target.id}`,
        label: (await targetLabel(context.goal, target.id, touchpointNames)) ?? '',
      });
      servesMetric[`target:${target.id}`] = target.metric;
    }
  }
  return {
    // The department's own people first: they usually own its items.
    members: [...context.members]
      .sort((a, b) => Number(b.departmentId === departmentId) - Number(a.departmentId === departmentId))
      .map((m) => ({ value: m.userId, label: m.departmentName ? `${m.name} (${m.departmentName})` : m.name })),
    touchpoints: context.touchpoints.map((tp) => ({ value: tp.id, label: tp.name })),
    otherDepartments: context.departments
      .filter((d) => d.id !== departmentId)
      .map((d) => ({ value: d.id, label: d.name })),
    serves,
    servesMetric,
    currency: organization.currency,
    promiseOwner: context.promiseOwner?.name ?? null,
    today: todayIn(organization.timeZone),
  };
}

const calendarDay = (date: string) => new Date(`${date}T12:00:00Z`);

export async function cardView(
  item: PlanItemView,
  context: PlanContext,
  organization: Organization,
): Promise<PlanItemCardView> {
  const format = await getFormatter();
  const t = await getTranslations('plans');
  const touchpointNames = new Map(context.touchpoints.map((tp) => [tp.id, tp.name]));
  const commitmentIndex =
    item.servesCommitment && context.goal ? context.goal.commitments.indexOf(item.servesCommitment) : -1;
  const servesTarget =
    item.servesTargetId && context.goal ? await targetLabel(context.goal, item.servesTargetId, touchpointNames) : null;
  const effectiveDate = item.status === 'done' ? item.effectiveDate : null;
  const dayLabel = (date: string) => format.dateTime(calendarDay(date), { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    ownerUserId: item.ownerUserId,
    ownerName: item.ownerName,
    dueDate: item.dueDate,
    dueLabel: item.dueDate ? dayLabel(item.dueDate) : null,
    completedLabel: item.completedAt
      ? format.dateTime(item.completedAt, { dateStyle: 'medium', timeZone: organization.timeZone })
      : null,
    overdue: isOverdue(item, todayIn(organization.timeZone)),
    status: item.status,
    dropReason: item.dropReason,
    quickWin: item.quickWin,
    investment: item.investment,
    investmentLabel:
      item.investment === null
        ? null
        : format.number(item.investment, { style: 'currency', currency: organization.currency }),
    expectedOutcome: item.expectedOutcome,
    changesPromise: item.changesPromise,
    touchpointIds: item.touchpointIds,
    touchpointNames: item.touchpointIds.map((id) => touchpointNames.get(id)).filter((n): n is string => !!n),
    affectedDepartmentIds: item.affectedDepartmentIds,
    serves:
      commitmentIndex >= 0
        ? `commitment:${commitmentIndex}`
        : item.servesTargetId
          ? `target:${item.servesTargetId}`
          : '',
    servesLabel: item.servesCommitment ? t('commitmentLabel', { text: item.servesCommitment }) : servesTarget,
    requests: item.requests,
    effectiveDate,
    effectiveLabel: effectiveDate ? dayLabel(effectiveDate) : null,
    metric: item.metric,
    direction: item.direction,
    targetLockedSince: targetLockedSince(
      [effectiveDate],
      organization.impactWindows,
      organization.weekStartsOn,
      todayIn(organization.timeZone),
    ),
  };
}
