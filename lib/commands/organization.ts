import { updateOrganization } from '@/db/queries/organizations';
import { command, organizationScope } from '@/lib/auth/command';
import { organizationSettingsSchema } from '@/lib/validation/settings';

export const updateOrganizationSettings = command({
  permission: 'organization.update',
  input: organizationSettingsSchema,
  load: organizationScope,
  run: async ({ tx, actor, input, audit }) => {
    await updateOrganization(tx, actor.organizationId, input);
    audit({ action: 'organization.update', entityType: 'organization', entityId: actor.organizationId, changes: input });
    return null;
  },
});
