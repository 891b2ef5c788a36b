import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
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
  /**
   * Read by our server (scripts/server.mjs, lib/http/prepare-request.mjs) before Next starts; listed here too so the
   * settings are in one place and a bad value stops the app as well. Proxies whose X-Forwarded-For, -Host and -Proto
   * are believed: addresses or CIDRs, separated by commas; none by default.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .refine((text) => text.split(',').every((entry) => !entry.trim() || isAddressOrCidr(entry.trim())), {
      message: 'TRUSTED_PROXIES must list addresses or CIDRs separated by commas, such as 10.0.0.1, fd00::/8',
    }),
  /** Bytes a request without a session may send (sign-in, the public survey); larger bodies get 413 unread. */
  PUBLIC_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024, 'PUBLIC_BODY_LIMIT must be a number of bytes, at least 1024')
    .default(65_536),
  /** The address the server listens on; every address when unset. */
  HOSTNAME: z.string().optional(),
  /** Seed the demo organization into an empty database: by default only the embedded one (no DATABASE_URL). */
  SEED_DEMO: z
    .enum(['true', 'false'], { message: 'SEED_DEMO must be true or false' })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

/** An IPv4 or IPv6 address, or one with a prefix length (10.0.0.0/8, fd00::/8). */
function isAddressOrCidr(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
}

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

/**
 * Creates `dir` (with its parents) when missing and makes it its owner's alone (0700), an existing one too: the
 * data directory holds the database, the auth secret and the lock. A folder we may write but not chmod (a mounted
 * volume owned by someone else) is used as it is, with a warning.
 */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    chmodSync(dir, 0o700);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    console.warn(`Warning: cannot make ${dir} readable by its owner only (it belongs to another user).`);
  }
}

/** The secret read from (or written to) a data directory once, so signing a cookie costs no file access. */
let generatedSecret: { dir: string; secret: string } | undefined;

/** AUTH_SECRET, or one generated once and kept in DATA_DIR so `npm start` needs no configuration. */
export function authSecret(): string {
  const fromEnv = env().AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const dir = dataDir();
  if (generatedSecret?.dir !== dir) generatedSecret = { dir, secret: storedSecret(dir) };
  return generatedSecret.secret;
}

function storedSecret(dir: string): string {
  const file = path.join(dir, 'auth-secret');
  makePrivateDir(dir);
  if (existsSync(file)) {
    chmodSync(file, 0o600); // perhaps copied in, or written by an older version, with a looser mode
    return readFileSync(file, 'utf8').trim();
  }
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
