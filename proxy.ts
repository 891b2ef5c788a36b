import { type NextRequest, NextResponse } from 'next/server';
import { newNonce, securityHeaders } from '@/lib/http/security-headers';

// Two jobs, neither of them access control: security headers on every response (with a fresh script nonce), and a
// convenience redirect of signed-in sections to sign-in when there is no session cookie at all. Access itself is
// decided on the server for every page, route and action (lib/auth/session.ts, lib/auth/command.ts).
const sessionCookies = ['authjs.session-token', '__Secure-authjs.session-token'];

/** The signed-in sections of the app (add each new one here); unknown paths still get a proper 404. */
const sections = [
  '/goal',
  '/plans',
  '/weekly',
  '/touchpoints',
  '/changes',
  '/ideas',
  '/levers',
  '/notifications',
  '/profile',
  '/settings',
];

function isSignedInSection(pathname: string): boolean {
  return pathname === '/' || sections.some((section) => pathname === section || pathname.startsWith(`${section}/`));
}

export function proxy(request: NextRequest) {
  const { pathname, search, protocol } = request.nextUrl;
  const headers = securityHeaders(pathname, {
    nonce: newNonce(),
    // Next builds this URL from X-Forwarded-Proto, which our server passes on only from a trusted proxy.
    https: protocol === 'https:',
    development: process.env.NODE_ENV === 'development',
  });

  let response: NextResponse;
  if (isSignedInSection(pathname) && !sessionCookies.some((name) => request.cookies.has(name))) {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('next', `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else {
    // Next takes the nonce for its own scripts from the request's policy.
    const requestHeaders = new Headers(request.headers);
    const policy = headers['Content-Security-Policy'];
    if (policy) requestHeaders.set('Content-Security-Policy', policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every page and route, so every response gets the headers; not the build's static files, which are no pages.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
