/**
 * The security headers of every response the proxy sees (issue 10, item 13), decided in one place. Pages get a
 * Content-Security-Policy whose scripts need this request's nonce (Next reads it from the request's policy and puts
 * it on its own scripts); the public survey (/s/<token>) sets its own stricter policy and referrer rule in its route,
 * and a response carries one policy only, so those two are left to it.
 */

/** Browser features the app never uses, switched off for it and anything it could ever embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'bluetooth=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** A year; without includeSubDomains, since a self-hosted app rarely owns every name under its domain. */
export const HSTS = 'max-age=31536000';

/** 128 random bits, base64: a fresh one for every request, so an injected script cannot guess it. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

interface PolicyOptions {
  nonce: string;
  /** The request came over https (as our server sees it): subresources may then be upgraded too. */
  https: boolean;
  /** `next dev` needs eval for its error overlays; a production build never does. */
  development: boolean;
}

/**
 * The app's policy. Scripts: only those carrying the nonce, and what they load ('strict-dynamic'; 'self' is for
 * browsers without it). Styles may be inline: Recharts and Radix position elements with style attributes.
 */
export function contentSecurityPolicy({ nonce, https, development }: PolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain http (a LAN address) this would send every asset to an https port that is not there.
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** The public survey answers with its own policy (lib/survey/html.ts). */
export function setsOwnPolicy(pathname: string): boolean {
  return pathname.startsWith('/s/');
}

/** The headers for a response to `pathname`; `Content-Security-Policy` is absent where the route sets its own. */
export function securityHeaders(pathname: string, options: PolicyOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Permissions-Policy': PERMISSIONS_POLICY,
  };
  if (!setsOwnPolicy(pathname)) {
    headers['Content-Security-Policy'] = contentSecurityPolicy(options);
    headers['Referrer-Policy'] = 'strict-origin-when-cross-origin';
  }
  if (options.https) headers['Strict-Transport-Security'] = HSTS;
  return headers;
}
