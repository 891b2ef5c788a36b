import 'server-only';
import { findTouchpoint } from '@/db/queries/journey';
import { findSurveyLink, findSurveyLinkForMetric, insertSurveyLink, updateSurveyLink } from '@/db/queries/survey-links';
import { command } from '@/lib/auth/command';
import { refuse } from '@/lib/auth/errors';
import { newSurveyToken } from '@/lib/secrets/tokens';
import {
  createSurveyLinkSchema,
  rotateSurveyLinkSchema,
  setSurveyLinkEnabledSchema,
} from '@/lib/validation/survey-links';

// Survey links belong to a touchpoint: its department's lead (or an executive) manages them.
// Audit entries never hold the token: the audit log is readable by more people than the link is meant for.

export const createSurveyLink = command({
  permission: 'surveyLink.manage',
  input: createSurveyLinkSchema,
  load: (tx, organizationId, input) => findTouchpoint(tx, organizationId, input.touchpointId),
  target: (touchpoint) => ({ departmentId: touchpoint.departmentId }),
  run: async ({ tx, actor, input, resource, audit }) => {
    if (resource.archived) throw refuse.conflict('surveys.manage.archived');
    if (await findSurveyLinkForMetric(tx, actor.organizationId, resource.id, input.metric)) {
      throw refuse.field('metric', 'surveys.manage.alreadyExists');
    }
    const link = await insertSurveyLink(tx, actor.organizationId, {
      touchpointId: resource.id,
      metric: input.metric,
      token: newSurveyToken(),
    });
    audit({
      action: 'surveyLink.create',
      entityType: 'surveyLink',
      entityId: link.id,
      changes: { name: resource.name, metric: input.metric },
    });
    return { id: link.id };
  },
});

export const setSurveyLinkEnabled = command({
  permission: 'surveyLink.manage',
  input: setSurveyLinkEnabledSchema,
  load: (tx, organizationId, input) => findSurveyLink(tx, organizationId, input.linkId),
  target: (link) => ({ departmentId: link.departmentId }),
  run: async ({ tx, actor, input, resource, audit }) => {
    if (input.enabled && resource.archived) throw refuse.conflict('surveys.manage.archived');
    await updateSurveyLink(tx, actor.organizationId, resource.id, { enabled: input.enabled });
    audit({
      action: input.enabled ? 'surveyLink.enable' : 'surveyLink.disable',
      entityType: 'surveyLink',
      entityId: resource.id,
      changes: {
        name: resource.touchpointName,
        metric: resource.metric,
        before: { enabled: resource.enabled },
        after: { enabled: input.enabled },
      },
    });
    return { id: resource.id, enabled: input.enabled };
  },
});

export const rotateSurveyLink = command({
  permission: 'surveyLink.manage',
  input: rotateSurveyLinkSchema,
  load: (tx, organizationId, input) => findSurveyLink(tx, organizationId, input.linkId),
  target: (link) => ({ departmentId: link.departmentId }),
  run: async ({ tx, actor, resource, audit }) => {
    await updateSurveyLink(tx, actor.organizationId, resource.id, { token: newSurveyToken(), rotatedAt: new Date() });
    audit({
      action: 'surveyLink.rotate',
      entityType: 'surveyLink',
      entityId: resource.id,
      changes: { name: resource.touchpointName, metric: resource.metric },
    });
    return { id: resource.id };
  },
});
