import 'server-only';
import { dateIn } from '@/lib/domain/weeks';
import { findTouchpoint } from '@/db/queries/journey';
import { deleteAggregate, findAggregate, insertAggregate } from '@/db/queries/metric-aggregates';
import { findOrganization } from '@/db/queries/organizations';
import { command } from '@/lib/auth/command';
import { ActionError, refuse } from '@/lib/auth/errors';
import { aggregateInputSchema, aggregateProblems, deleteAggregateSchema } from '@/lib/validation/metric-aggregates';

/** Records a value measured elsewhere for a touchpoint; leads for their own department's touchpoints, executives any. */
export const addMetricAggregate = command({
  permission: 'metricAggregate.manage',
  input: aggregateInputSchema,
  load: async (tx, organizationId, input) => {
    const touchpoint = await findTouchpoint(tx, organizationId, input.touchpointId);
    return touchpoint && !touchpoint.archived ? touchpoint : null;
  },
  target: (touchpoint) => ({ departmentId: touchpoint.departmentId }),
  run: async ({ tx, actor, input, resource, audit }) => {
    const organization = await findOrganization(tx, actor.organizationId);
    if (!organization) throw refuse.notFound();
    const today = dateIn(new Date(), organization.timeZone);
    const problems = aggregateProblems(input, { cesHeadline: organization.cesHeadline, today });
    if (Object.keys(problems).length > 0) throw new ActionError('invalid', { key: 'errors.checkFields' }, problems);
    const { id } = await insertAggregate(tx, actor.organizationId, { ...input, createdBy: actor.userId });
    audit({
      action: 'metricAggregate.add',
      entityType: 'metricAggregate',
      entityId: id,
      changes: {
        name: resource.name,
        metric: input.metric,
        value: input.value,
        n: input.n,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        source: input.source,
      },
    });
    return { id };
  },
});

export const deleteMetricAggregate = command({
  permission: 'metricAggregate.manage',
  input: deleteAggregateSchema,
  load: (tx, organizationId, input) => findAggregate(tx, organizationId, input.aggregateId),
  target: (aggregate) => ({ departmentId: aggregate.departmentId }),
  run: async ({ tx, actor, resource, audit }) => {
    await deleteAggregate(tx, actor.organizationId, resource.id);
    audit({
      action: 'metricAggregate.delete',
      entityType: 'metricAggregate',
      entityId: resource.id,
      changes: {
        name: resource.touchpointName,
        metric: resource.metric,
        value: resource.value,
        n: resource.n,
        periodStart: resource.periodStart,
        periodEnd: resource.periodEnd,
      },
    });
    return { id: resource.id };
  },
});
