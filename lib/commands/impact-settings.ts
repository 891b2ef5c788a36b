import 'server-only';
import { markAllImpactStale } from '@/db/queries/impact-staleness';
import { impactOrganization } from '@/db/queries/impact';
import { saveImpactSettings } from '@/db/queries/organizations';
import { command } from '@/lib/auth/command';
import { impactSettingsSchema } from '@/lib/validation/settings';

/**
 * Settings → Impact: the default windows every list, the overview and the API use, and per measure the minimum
 * meaningful change and the target precision the verdicts are read against. Every stored card was computed with
 * the old ones, so all of them are marked stale in the same transaction.
 */
export const updateImpactSettings = command({
  permission: 'impactSettings.update',
  input: impactSettingsSchema,
  load: async (tx, organizationId) => (await impactOrganization(tx, organizationId))?.settings ?? null,
  run: async ({ tx, actor, input, resource, audit }) => {
    const { thresholds, ...windows } = input;
    const after = { windows, thresholds };
    await saveImpactSettings(tx, actor.organizationId, after);
    await markAllImpactStale(tx, actor.organizationId);
    audit({
      action: 'organization.impactSettings',
      entityType: 'organization',
      entityId: actor.organizationId,
      changes: { before: resource, after },
    });
    return null;
  },
});
