import { z } from 'zod';
import { email, id, password } from './common';

/** An executive issues a link for a member of their organization. */
export const issuePasswordResetSchema = z.object({ userId: id });

/** The new password, by the sign-up rules, typed twice. */
export const resetPasswordSchema = z
  .object({ token: z.string().max(200), password, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'validation.passwordsDiffer',
  });

/** "Forgot password": the address to send a link to, if it has an account. */
export const forgotPasswordSchema = z.object({ email });
