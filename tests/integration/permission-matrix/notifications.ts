/**
 * Permission-matrix rows of stored notifications: everyone manages their own. Each role's input names that
 * member's own notification; another person's (in the same organization) is "not found" too, checked in
 * stored-notifications.test.ts, since the matrix knows only the own and the other organization.
 */
import { notFound, type Spec } from './spec';

export const notificationSpecs = {
  markNotificationRead: {
    permission: 'notifications.manage',
    own: [{ label: 'their own', input: (f, role) => ({ notificationId: f.notifications.own[role] }) }],
    other: [
      {
        label: 'same role',
        input: (f, role) => ({ notificationId: f.notifications.other[role] }),
        refusal: notFound,
      },
    ],
  },
  markAllNotificationsRead: {
    permission: 'notifications.manage',
    own: [{ label: '', input: () => ({}) }],
    other: [],
  },
  setDailyMail: {
    permission: 'notifications.manage',
    own: [{ label: 'on', input: () => ({ dailyMail: true }) }],
    other: [],
  },
} satisfies Record<string, Spec>;
