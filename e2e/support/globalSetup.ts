import { resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { serveStatic, type StaticSite } from './staticServer.js';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');
let site: StaticSite | undefined;

/** Build the app as `npm run build` does, then serve dist/ under a sub-path. */
export async function setup(project: TestProject): Promise<void> {
  await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  site = await serveStatic(resolve(ROOT, 'dist'));
  project.provide('appUrl', site.url);
}

export async function teardown(): Promise<void> {
  await site?.close();
}
