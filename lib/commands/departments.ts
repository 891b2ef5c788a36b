import 'server-only';
import { departmentNameTaken, findDepartment, insertDepartment, updateDepartment } from '@/db/queries/departments';
import { command, organizationScope } from '@/lib/auth/command';
import { refuse } from '@/lib/auth/errors';
import { archiveDepartmentSchema, createDepartmentSchema, updateDepartmentSchema } from '@/lib/validation/settings';

export const createDepartment = command({
  permission: 'department.create',
  input: createDepartmentSchema,
  load: organizationScope,
  run: async ({ tx, actor, input, audit }) => {
    if (await departmentNameTaken(tx, actor.organizationId, input.name))
      throw refuse.field('name', 'validation.nameTaken');
    const department = await insertDepartment(tx, actor.organizationId, input);
    audit({ action: 'department.create', entityType: 'department', entityId: department.id, changes: input });
    return { id: department.id };
  },
});

export const updateDepartmentDetails = command({
  permission: 'department.update',
  input: updateDepartmentSchema,
  load: (tx, organizationId, input) => findDepartment(tx, organizationId, input.departmentId),
  target: (department) => ({ departmentId: department.id }),
  run: async ({ tx, actor, input, resource, audit }) => {
    const { departmentId, ...values } = input;
    if (await departmentNameTaken(tx, actor.organizationId, values.name, departmentId)) {
      throw refuse.field('name', 'validation.nameTaken');
    }
    await updateDepartment(tx, actor.organizationId, departmentId, values);
    audit({
      action: 'department.update',
      entityType: 'department',
      entityId: departmentId,
      changes: {
        before: { name: resource.name, stage: resource.stage, description: resource.description },
        after: values,
      },
    });
    return null;
  },
});

export const archiveDepartment = command({
  permission: 'department.archive',
  input: archiveDepartmentSchema,
  load: (tx, organizationId, input) => findDepartment(tx, organizationId, input.departmentId),
  run: async ({ tx, actor, input, resource, audit }) => {
    await updateDepartment(tx, actor.organizationId, input.departmentId, { archived: input.archived });
    audit({
      action: input.archived ? 'department.archive' : 'department.restore',
      entityType: 'department',
      entityId: input.departmentId,
      changes: { name: resource.name },
    });
    return null;
  },
});
