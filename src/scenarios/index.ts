/// <reference types="vite/client" />
import cacheAvalanche from './cache-avalanche.md?raw';
import cacheStampede from './cache-stampede.md?raw';

/**
 * The built-in scenarios, as the text an instructor copies and edits (the app bundles the
 * Markdown files as they are; parse them with parseScenario).
 */
export interface BuiltinScenario {
  id: string;
  text: string;
}

export const BUILTIN_SCENARIOS: readonly BuiltinScenario[] = [
  { id: 'cache-stampede', text: cacheStampede },
  { id: 'cache-avalanche', text: cacheAvalanche },
];
