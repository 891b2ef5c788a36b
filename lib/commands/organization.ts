import 'server-only';
import { findOrganization, updateOrganization } from '@/db/queries/organizations';
import { markAllImpactStale } from '@/db/queries/impact-staleness';
import { rebuildWeeklyRollups } from '@/db/queries/rollups';
import { firstLoggedWeek } from '@/db/queries/weekly';
import { command } from '@/lib/auth/command';
import { refuse } from '@/lib/auth/errors';
import { organizationSettingsSchema } from '@/lib/validation/settings';

export const updateOrganizationSettings = command({
  permission: 'organization.update',
  input: organizationSettingsSchema,
  load: (tx, organizationId) => findOrganization(tx, organizationId),
  run: async ({ tx, actor, input, resource, audit }) => {
    // Logged weeks are stored by their first day: changing it later would split history into two calendars.
    if (input.weekStartsOn !== resource.weekStartsOn && (await firstLoggedWeek(tx, actor.organizationId)) !== null) {
      throw refuse.field('weekStartsOn', 'validation.weekStartLocked');
    }
    await updateOrganization(tx, actor.organizationId, input);
    // Impact cards are cut in the organization's weeks, in its time zone, on its CES headline.
    if (input.weekStartsOn !== resource.weekStartsOn) await rebuildWeeklyRollups(tx, actor.organizationId);
    if (
      input.weekStartsOn !== resource.weekStartsOn ||
      input.timeZone !== resource.timeZone ||
      (input.cesHeadline !== undefined && input.cesHeadline !== resource.cesHeadline)
    )
      await markAllImpactStale(tx, actor.organizationId);
    audit({
      action: 'organization.update',
      entityType: 'organization',
      entityId: actor.organizationId,
      changes: input,
    });
    return null;
  },
});
