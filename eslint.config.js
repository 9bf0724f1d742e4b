import { builtinRules } from 'eslint/use-at-your-own-risk';
import tseslint from 'typescript-eslint';

/**
 * Lint guards the design's boundaries (DESIGN.md §1, invariant 3): the engine, the simulation
 * and the protocol run in a worker and in tests on an injected clock, so they import no UI,
 * worker-RPC or Node library and never read the wall clock or Math.random.
 */
const CORE = ['src/engine/**/*.ts', 'src/sim/**/*.ts', 'src/protocol/**/*.ts'];
const TESTS = ['**/*.test.ts'];

const clockMessage = 'Engine, sim and protocol take time from the injected Clock (server.now / clock.now()) and schedule with server.schedule: invariant 3.';
const randomMessage = 'Randomness comes from the seeded PRNG (server.prng): invariant 3.';

/** ESLint's own recommended rules (what @eslint/js would add), read from the installed ESLint. */
const eslintRecommended = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, 'error']),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'public/**', 'coverage/**'] },
  { rules: eslintRecommended },
  // After the core rules, so it switches off those TypeScript already checks (no-undef, ...).
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Redis strings are bytes: matching control characters (escaping, display) is routine here.
      'no-control-regex': 'off',
    },
  },
  {
    files: TESTS,
    // Tests feed doubles that are not exactly representable on purpose (formatting, rounding).
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    files: CORE,
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'UI code lives in src/ui.' },
            { group: ['d3', 'd3-*', '@xterm/*', 'monaco-editor', 'monaco-editor/*'], message: 'Views live in src/ui.' },
            { group: ['comlink', 'zustand', 'zustand/*'], message: 'The worker boundary and UI stores live in workers/ and src/ui.' },
            { group: ['node:*'], message: 'Node APIs live in src/node; the engine runs in the browser.' },
            { group: ['**/node/*', '**/ui/*', '**/ui/**'], message: 'The dependency direction is protocol <- engine <- sim; src/node and src/ui depend on them, never the reverse.' },
          ],
        },
      ],
    },
  },
  {
    files: CORE,
    ignores: [...TESTS, 'src/engine/testkit.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: clockMessage },
        { object: 'Math', property: 'random', message: randomMessage },
        { object: 'crypto', property: 'getRandomValues', message: randomMessage },
        { object: 'crypto', property: 'randomUUID', message: randomMessage },
        ...['globalThis', 'self', 'window'].flatMap((object) =>
          ['setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame'].map((property) => ({ object, property, message: clockMessage })),
        ),
      ],
      'no-restricted-globals': [
        'error',
        ...['setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'performance'].map((name) => ({ name, message: clockMessage })),
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: `new Date() reads the wall clock. ${clockMessage}` },
        { selector: "CallExpression[callee.name='Date']", message: `Date() reads the wall clock. ${clockMessage}` },
      ],
    },
  },
);
