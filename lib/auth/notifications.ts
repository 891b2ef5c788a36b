import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { notificationsFor } from '@/db/queries/notifications';
import type { Member } from './session';

/** The signed-in member's notifications, computed once per request (the bell and the page share it). */
export const myNotifications = cache(async (member: Member) =>
  notificationsFor(await getDb(), member.organization, member.actor),
);
