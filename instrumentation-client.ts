import { config } from 'zod';

// Runs in the browser before the app's own modules. Zod compiles object parsers with `new Function` where it may,
// and probes for that once; our Content-Security-Policy (no 'unsafe-eval', proxy.ts) refuses the probe and the
// browser reports a violation. Parsing without compiling gives the same results.
config({ jitless: true });
