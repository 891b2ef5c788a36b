'use server';

import { runAsMember } from '@/lib/auth/run';
import { addMetricAggregate, deleteMetricAggregate } from '@/lib/commands/metric-aggregates';

export const addMeasuredValueAction = async (input: unknown) =>
  runAsMember(addMetricAggregate, input, ['/touchpoints']);
export const deleteMeasuredValueAction = async (input: unknown) =>
  runAsMember(deleteMetricAggregate, input, ['/touchpoints']);
