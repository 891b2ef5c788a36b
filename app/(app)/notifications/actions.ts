'use server';

import { runAsMember } from '@/lib/auth/run';
import { markAllNotificationsRead, markNotificationRead, setDailyMail } from '@/lib/commands/notifications';

// Thin wrappers: the list and the bell (in the layout) refresh through revalidation.
export const markNotificationReadAction = async (input: unknown) =>
  runAsMember(markNotificationRead, input, ['/notifications']);
export const markAllNotificationsReadAction = async (input: unknown) =>
  runAsMember(markAllNotificationsRead, input, ['/notifications']);
export const setDailyMailAction = async (input: unknown) => runAsMember(setDailyMail, input, ['/profile']);
