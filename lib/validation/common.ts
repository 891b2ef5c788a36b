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
export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'validation.currency');
export const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'validation.timeZone');

/** A field that may repeat (checkboxes with one name): absent -> [], one value -> [value]. */
export const list = <T extends z.ZodType>(item: T, max = 50) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? [...new Set(v)] : [v]),
    z.array(item).max(max),
  );

/** A calendar date typed in a form (YYYY-MM-DD), within a sensible range. */
export const isoDate = z
  .string()
  .date('validation.date')
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'validation.date');
export const optionalDate = z.preprocess((v) => (v === '' || v === null ? undefined : v), isoDate.optional());

/** An amount of money typed in a form: "1200", "1 200,50" or "1200.50"; never negative, at most two decimals. */
export const amount = z
  .preprocess(
    (v) => (typeof v === 'string' ? v.replace(/[\s\u00a0]/g, '') : v),
    z.union([z.string(), z.number(), z.null()]),
  )
  .transform((v, ctx) => {
    if (v === null || v === '') return null;
    const text = String(v);
    // A comma is a decimal comma only before one or two digits at the end; "1,250" is ambiguous and refused.
    if (!/^\d+([.,]\d{1,2})?$/.test(text)) {
      ctx.addIssue({
        code: 'custom',
        message: text.startsWith('-')
          ? 'validation.amountNegative'
          : /[.,]\d{3,}$/.test(text)
            ? 'validation.amountCents'
            : 'validation.amount',
      });
      return z.NEVER;
    }
    const value = Number(text.replace(',', '.'));
    if (value > 1e12) {
      ctx.addIssue({ code: 'custom', message: 'validation.amountTooBig' });
      return z.NEVER;
    }
    return value;
  })
  .nullable();
