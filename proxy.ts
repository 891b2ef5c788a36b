import { type NextRequest, NextResponse } from 'next/server';

// Only a convenience redirect: without a session cookie, app pages go to sign-in and come back afterwards.
// Access itself is decided on the server for every page and action (lib/auth/session.ts, lib/auth/command.ts).
const sessionCookies = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (sessionCookies.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL('/login', request.url);
  if (pathname !== '/') login.searchParams.set('next', `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // The signed-in sections of the app (add each new one here); unknown paths still get a proper 404.
  matcher: [
    '/',
    '/profile',
    '/settings/:path*',
    '/goal/:path*',
    '/plans/:path*',
    '/weekly/:path*',
    '/touchpoints/:path*',
    '/notifications',
  ],
};
