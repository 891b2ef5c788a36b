// ESLint flat config: typescript-eslint (type-aware where it pays), Next.js, react-hooks, jsx-a11y, and the layer
// boundaries of HOUSE-STYLE.md as a table. Formatting is Prettier's job (eslint-config-prettier turns off the rules
// that would fight it). Never silence a rule in a file to get past it: fix the code, or change the rule here for
// everyone, with the reason beside it.
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import tseslint from 'typescript-eslint';

/**
 * The folders, as the elements of the architecture. The first pattern that matches a file decides its element,
 * so the narrow ones come first.
 */
const elements = [
  // Pure rules with no I/O, and the impact method (IMPACT.md), which is pure too.
  { type: 'domain', pattern: ['lib/domain/**', 'lib/impact/**'] },
  { type: 'validation', pattern: 'lib/validation/**' },
  { type: 'secrets', pattern: 'lib/secrets/**' },
  { type: 'env', pattern: 'lib/env.ts', mode: 'file' },
  { type: 'auth', pattern: 'lib/auth/**' },
  { type: 'commands', pattern: 'lib/commands/**' },
  // What a request says about its sender (address, browser), read from headers our own server vouches for.
  { type: 'request', pattern: ['lib/http/client-address.ts', 'lib/http/forwarded.mjs'], mode: 'file' },
  // Server-side checks of an import against the organization's touchpoints.
  { type: 'services', pattern: 'lib/imports/validate.ts', mode: 'file' },
  // Client-safe helpers used by components and pages alike: query keys, CSV columns and rows, NDJSON, and the
  // catalog's English text that the server stores (an idea's automatic official reply) or sends (API replies).
  { type: 'shared', pattern: ['lib/query-keys.ts', 'lib/imports/**', 'lib/i18n/english.ts'], mode: 'file' },
  // Server-side services outside the command path: the public survey, the ingestion API, mail, public origin.
  { type: 'services', pattern: 'lib/**', mode: 'file' },
  { type: 'schema', pattern: 'db/schema/**' },
  { type: 'queries', pattern: 'db/queries/**' },
  { type: 'seed', pattern: ['db/seed*.ts', 'db/cli/**'], mode: 'file' },
  { type: 'db', pattern: 'db/**', mode: 'file' },
  { type: 'messages', pattern: 'messages/**' },
  { type: 'components', pattern: 'components/**' },
  { type: 'app', pattern: ['app/**', 'proxy.ts', 'instrumentation.ts', 'instrumentation-client.ts'], mode: 'file' },
  { type: 'tests', pattern: ['tests/**', 'e2e/**', 'bench/**', '**/*.test.ts'], mode: 'file' },
];

const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });
const typesOnly = (...types) => ({ ...to(...types), dependency: { kind: 'type' } });
const from = (type, allow) => ({ from: { element: { type } }, allow });

/** The allowed edges. Anything not listed is an error. Every element may import itself. */
const policies = [
  // Pure rules with no I/O: they import nothing of ours.
  from('domain', to('domain')),
  // zod schemas shared by forms, actions and the API, and the catalog's message keys they return.
  from('validation', to('validation', 'domain', 'messages')),
  // Hashing and tokens: no database, so the seed can use them without reaching into lib/auth.
  from('secrets', to('secrets', 'env')),
  // The environment, read and validated once: it depends on nothing.
  from('env', to('env')),
  // Reading headers: pure, it depends on nothing of ours.
  from('request', to('request')),
  // The tables: their column types may come from the domain.
  from('schema', to('schema', 'domain')),
  // Client, lock, start-up: the schema and the environment. Start-up runs the seed.
  from('db', to('db', 'schema', 'seed', 'domain', 'env')),
  // Queries are the only code that touches the database; they take plain parameters and know no forms,
  // no sessions and no permissions (rules live in lib/domain, decisions in the caller).
  from('queries', to('queries', 'db', 'schema', 'domain')),
  // The demo seed writes through the queries, like the application, and stores the texts the application would.
  from('seed', to('seed', 'queries', 'db', 'schema', 'domain', 'secrets', 'env', 'shared')),
  // Sessions, the command wrapper and permission checks.
  from('auth', to('auth', 'queries', 'db', 'schema', 'domain', 'validation', 'secrets', 'env', 'messages', 'request')),
  // Every mutation: validate, load scoped, check the permission table, write, audit.
  from(
    'commands',
    to(
      'commands',
      'auth',
      'queries',
      'db',
      'schema',
      'domain',
      'validation',
      'secrets',
      'services',
      'shared',
      'env',
      'request',
    ),
  ),
  // Client-safe helpers run in the browser too: no server code, no session.
  from('shared', to('shared', 'domain', 'validation', 'messages')),
  // The public survey, the ingestion API, mail, HTTP helpers, i18n: server code beside the command path.
  from(
    'services',
    to(
      'services',
      'shared',
      'auth',
      'queries',
      'db',
      'schema',
      'domain',
      'validation',
      'secrets',
      'env',
      'messages',
      'request',
    ),
  ),
  // The catalog and its key types.
  from('messages', to('messages')),
  // Components render what pages hand them: server actions arrive as props, data as view types. They never
  // import app/, and from db/, lib/auth and lib/commands only types (erased at build, no server code in a bundle).
  from('components', [
    to('components', 'domain', 'validation', 'shared', 'messages'),
    typesOnly('queries', 'db', 'schema', 'auth', 'commands', 'services'),
  ]),
  // Routes: pages read through db/queries and hand actions to components; actions run lib/commands.
  from(
    'app',
    to(
      'app',
      'components',
      'commands',
      'auth',
      'queries',
      'db',
      'schema',
      'domain',
      'validation',
      'services',
      'shared',
      'secrets',
      'env',
      'messages',
      'request',
    ),
  ),
  // Tests, e2e and benches may reach anything, to drive it from outside.
  from('tests', to(...new Set(elements.map((element) => element.type)))),
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'db/migrations/**',
      'next-env.d.ts',
      'shots*/**',
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  // eslint-config-next registers jsx-a11y with a few rules; turn on the whole recommended set.
  { rules: jsxA11y.flatConfigs.recommended.rules },
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A forgotten await loses errors and races with the response; a promise where a callback returns void
      // (an onClick, a form action) swallows its rejection: handle it, or mark it `void` where it cannot fail.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // `import { type X } from 'db/...'` keeps an empty import of the module, and with it its server code.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // Scrolling tables are focusable regions with a label, so a keyboard can scroll them (axe's
      // scrollable-region-focusable); anything else with tabIndex is still an error.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'] }],
      // Our field components take autoFocus only for the first field of a dialog the person just opened, as the
      // APG dialog pattern asks; autoFocus on a DOM element (page load) is still an error.
      'jsx-a11y/no-autofocus': ['error', { ignoreNonDOM: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': [
        'app/**',
        'components/**',
        'lib/**',
        'db/**',
        'messages/**',
        'tests/**',
        'e2e/**',
        'bench/**',
        'proxy.ts',
        'instrumentation.ts',
      ],
      'import/resolver': { typescript: { alwaysTryTypes: true, project: './tsconfig.json' } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies }],
    },
  },
  {
    // After the session changes (sign-in, sign-up, an accepted invitation) the auth forms load a fresh document on
    // purpose, so nothing rendered or cached while signed out survives into the signed-in app.
    files: ['components/auth/**'],
    rules: { '@next/next/no-location-assign-relative-destination': 'off' },
  },
  {
    // Playwright fixtures call their callback `use`, and test helpers may start with `use`; nothing in e2e/ or
    // tests/ is React, so the rules of hooks do not apply there.
    files: ['e2e/**', 'tests/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Plain scripts and config files are not in the TypeScript project: lint them without type information.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
