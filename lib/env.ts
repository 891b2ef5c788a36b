import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL').optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  AUTH_SECRET: z.string().min(16, 'AUTH_SECRET must be at least 16 characters').optional(),
  SMTP_URL: z.string().url('SMTP_URL must be a URL such as smtp://user:pass@host:587').optional(),
  APP_URL: z.string().url('APP_URL must be the public address, such as https://cx.example.com').optional(),
  SMTP_FROM: z.string().default('Touchpoint <no-reply@touchpoint.local>'),
  /** Who may create an organization: anyone (open), nobody (invitations only), or only while none exists (first). */
  SIGN_UP: z.enum(['open', 'first', 'closed'], { message: 'SIGN_UP must be open, first or closed' }).default('first'),
  /** Requests per second one API key may send to /api/v1 on average, and how many it may send at once. */
  API_RATE_PER_SECOND: z.coerce.number().positive('API_RATE_PER_SECOND must be a positive number').default(20),
  API_RATE_BURST: z.coerce.number().int().min(1, 'API_RATE_BURST must be a whole number, 1 or more').default(40),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof envSchema>;

let cached: { source: string; env: Env } | undefined;

/**
 * The environment, validated; a bad value stops the app with a clear message. It is parsed again only when the
 * process environment changed (tests switch settings such as SIGN_UP or SMTP_URL).
 */
export function env(): Env {
  const source = JSON.stringify(process.env);
  if (cached?.source === source) return cached.env;
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  cached = { source, env: parsed.data };
  return parsed.data;
}

export function dataDir(): string {
  return path.resolve(env().DATA_DIR);
}

/** AUTH_SECRET, or one generated once and kept in DATA_DIR so `npm start` needs no configuration. */
export function authSecret(): string {
  const fromEnv = env().AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const dir = dataDir();
  const file = path.join(dir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
