import { z } from 'zod';
import { checkbox, id } from './common';

export const markNotificationReadSchema = z.object({ notificationId: id });
export const markAllNotificationsReadSchema = z.object({});
export const dailyMailSchema = z.object({ dailyMail: checkbox });

/** `?page=` of /notifications: a page number, the first one for anything else. */
export const notificationsPageSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
