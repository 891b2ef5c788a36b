import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { clearAttempts, countAttempt, lockedMinutes } from '@/db/queries/throttle';
import { findUserByEmail } from '@/db/queries/users';
import { accountPolicy, addressPolicy } from '@/lib/domain/throttle';
import { authSecret } from '@/lib/env';
import { signInSchema } from '@/lib/validation/auth';
import { verifyPassword } from '@/lib/secrets/password';

export class TooManyAttempts extends CredentialsSignin {
  override code = 'rate_limited';
}

export function throttleKeys(email: string, address: string) {
  return { account: `account:${email.trim().toLowerCase()}`, address: `address:${address}` };
}

export function clientAddress(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || 'local';
}

/**
 * Checks an email and password. Unknown email and wrong password take the same path and the same time;
 * repeated failures lock the account and the address for a while.
 */
export async function checkCredentials(email: string, password: string, address: string) {
  const db = await getDb();
  const keys = throttleKeys(email, address);
  if ((await lockedMinutes(db, [keys.account, keys.address])) > 0) throw new TooManyAttempts();
  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid || user.disabled) {
    await countAttempt(db, keys.account, accountPolicy);
    await countAttempt(db, keys.address, addressPolicy);
    return null;
  }
  await clearAttempts(db, keys.account);
  return { id: user.id, name: user.name, email: user.email };
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/login' },
  // A wrong password is an everyday event, not a server error: keep it out of the error log.
  logger: {
    error: (error) => {
      if (error.name === 'CredentialsSignin' || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (credentials, request) => {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        return checkCredentials(parsed.data.email, parsed.data.password, clientAddress(request.headers));
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session: ({ session, token }) => {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
