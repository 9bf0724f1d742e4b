import type { Locator, Page } from 'playwright-core';

/** The scenario editor dialog: monaco, its validation status and problem list. */
export class ScenarioEditorPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('scenario-editor');
  }

  /** Wait for the dialog and monaco inside it. */
  async ready(): Promise<void> {
    await this.root.locator('.monaco-editor .view-lines').waitFor();
  }

  /** Wait until the schema check settles; returns `true`, `false` (invalid). */
  async validity(): Promise<string> {
    const status = this.root.getByTestId('editor-status');
    await this.root.locator('[data-testid="editor-status"]:not([data-valid="checking"])').waitFor();
    return (await status.getAttribute('data-valid')) ?? '';
  }

  async statusText(): Promise<string> {
    return (await this.root.getByTestId('editor-status').textContent()) ?? '';
  }

  /** Replace the first match of `find` in the text, the way a person would: Ctrl+F, then type. */
  async replace(find: string, replacement: string): Promise<void> {
    await this.root.locator('.monaco-editor .view-lines').click();
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+F');
    await this.page.keyboard.insertText(find);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.type(replacement);
    // Checking restarts after every change: wait for it, so validity() reads the new verdict.
    await this.root.locator('[data-testid="editor-status"][data-valid="checking"]').waitFor();
  }

  async problems(): Promise<string[]> {
    return this.root.getByTestId('editor-problems').locator('li').allTextContents();
  }

  /** Lines monaco marks with an error squiggle (as it draws them). */
  async errorSquiggles(): Promise<number> {
    return this.root.locator('.monaco-editor .squiggly-error').count();
  }

  async run(): Promise<void> {
    await this.root.getByTestId('editor-run').click();
    await this.root.waitFor({ state: 'detached' });
  }

  async close(): Promise<void> {
    await this.root.getByTestId('editor-close').click();
    await this.root.waitFor({ state: 'detached' });
  }

  async shareUrl(): Promise<string> {
    await this.root.getByTestId('share').click();
    return this.root.getByTestId('share-url').inputValue();
  }
}
