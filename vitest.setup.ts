import fc from 'fast-check';

/**
 * Property tests explore fresh random inputs on every local run; in CI (CI=true) they use one
 * fixed seed so a landing is reproducible. FC_SEED overrides either way, to replay a failure.
 */
const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : process.env.CI ? 20261125 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
