import { z } from 'zod';
import { email, name, password } from './common';

export const signInSchema = z.object({ email, password: z.string().min(1).max(200) });

export const signUpSchema = z.object({
  name: name(80),
  email,
  password,
  organizationName: name(80),
});

export const acceptInvitationSchema = z.object({
  token: z.string().min(20).max(200),
  name: name(80),
  password,
});
