import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships 15 MB of WASM: keep it a server-side package so it never lands in public static files.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  // A separate build folder lets a test run build beside a running dev server (NEXT_DIST_DIR=.next-e2e).
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  typedRoutes: false,
  // The build's own files, which proxy.ts does not see; everything else gets its headers from proxy.ts.
  headers: async () => [
    { source: '/_next/static/:path*', headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }] },
  ],
};

export default withNextIntl(nextConfig);
