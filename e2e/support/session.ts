import { inject } from 'vitest';
import { AppPage } from '../pages/AppPage.js';
import { launchBrowser, type Browser } from './browser.js';

/** A fresh browser profile and one page of the app, for one spec file. */
export async function openApp(viewport?: { width: number; height: number }): Promise<{ app: AppPage; browser: Browser }> {
  const browser = await launchBrowser(viewport);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const app = new AppPage(page, inject('appUrl'));
  await app.open();
  return { app, browser };
}

/** Screenshots go to /tmp, where a person (or the report) looks at them. */
export function shotPath(name: string): string {
  return `/tmp/redsim-${name}.png`;
}
