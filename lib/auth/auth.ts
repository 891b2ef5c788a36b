import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authSecret } from '@/lib/env';
import { readSignInGrant } from '@/lib/secrets/signed';

declare module 'next-auth' {
  interface User {
    deviceId?: string;
  }
  interface Session {
    /** The browser's device row: the session is valid while that row carries the person's session version. */
    deviceId?: string;
  }
}

/**
 * Auth.js only issues and reads the session cookie. Passwords never reach it: the sign-in, sign-up and invitation
 * commands (lib/commands/accounts.ts) check them, count the attempts and hand Auth.js a signed grant valid for a
 * minute, so its credentials endpoint is useless to a password guesser. Whether a session is still valid is decided
 * on every request from the database (lib/auth/session.ts).
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/login' },
  // A refused grant or a garbled session cookie (expired secret, tampering) is an everyday event, not a server error:
  // keep it out of the error log. The person is simply not signed in.
  logger: {
    error: (error) => {
      const type = (error as { type?: string }).type ?? error.name;
      if (type === 'CredentialsSignin' || type === 'JWTSessionError') return;
      console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { grant: {} },
      authorize: (credentials) => {
        const grant = typeof credentials.grant === 'string' ? readSignInGrant(credentials.grant) : null;
        return grant ? { id: grant.userId, deviceId: grant.deviceId } : null;
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user?.id) {
        token.sub = user.id;
        token.did = user.deviceId;
      }
      return token;
    },
    session: ({ session, token }) => {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.did === 'string') session.deviceId = token.did;
      return session;
    },
  },
});
