import { z } from 'zod';
import { roles } from '@/lib/domain/permissions';

export const id = z.string().uuid('validation.notFound');
export const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), id.optional());
export const name = (max = 80) => z.string().trim().min(1).max(max);
export const description = z.string().trim().max(500).default('');
export const email = z.string().trim().min(1).toLowerCase().max(254).email();
export const password = z.string().min(1).min(10).max(200);
export const role = z.enum(roles);
/** Checkbox fields arrive as "on" or are absent. */
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const supportedLocales = ['en'] as const;
export const locale = z.enum(supportedLocales);
export const currency = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'validation.currency');
export const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'validation.timeZone');
