import { z } from 'zod';
import { locale, name, password } from './common';

export const profileSchema = z.object({
  name: name(80),
  locale: z.preprocess((v) => (v === '' ? null : v), locale.nullable()),
});

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: password, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'validation.passwordsDiffer',
  });
