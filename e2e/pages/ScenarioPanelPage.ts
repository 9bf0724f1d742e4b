import type { Locator, Page } from 'playwright-core';

export interface GoalRow {
  check: string;
  status: string;
  reason: string | null;
}

/** The scenario panel: the built-in list, the run controls, the step shown and its goals. */
export class ScenarioPanelPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('scenario-panel');
  }

  /** Unfold the panel if it is folded to its rail. */
  async open(): Promise<void> {
    const unfold = this.page.getByTestId('scenario-unfold');
    if (await unfold.isVisible()) await unfold.click();
    await this.root.waitFor();
  }

  /** Start a built-in scenario from the list; resolves once its first step is shown. */
  async start(id: string): Promise<void> {
    await this.open();
    await this.root.locator(`[data-testid="catalog-item"][data-id="${id}"]`).getByTestId('start-scenario').click();
    await this.root.getByTestId('step-view').waitFor();
  }

  async openBuiltinInEditor(id: string): Promise<void> {
    await this.open();
    await this.root.locator(`[data-testid="catalog-item"][data-id="${id}"]`).getByTestId('edit-builtin').click();
  }

  async title(): Promise<string> {
    return (await this.root.locator('.scenario-head h2').textContent()) ?? '';
  }

  async status(): Promise<{ status: string; outcome: string; text: string }> {
    const el = this.root.getByTestId('scenario-status');
    return {
      status: (await el.getAttribute('data-status')) ?? '',
      outcome: (await el.getAttribute('data-outcome')) ?? '',
      text: (await el.locator('span').first().textContent()) ?? '',
    };
  }

  /** Wait until the run reaches a status (`waiting`, `finished`, …). */
  async waitForStatus(status: string): Promise<void> {
    await this.root.locator(`[data-testid="scenario-status"][data-status="${status}"]`).waitFor();
  }

  /** The step the panel shows (0-based). */
  async shownStep(): Promise<number> {
    return Number(await this.root.getByTestId('step-view').getAttribute('data-step'));
  }

  async showStep(i: number): Promise<void> {
    await this.root.getByTestId('step-pill').nth(i).click();
    await this.root.locator(`[data-testid="step-view"][data-step="${i}"]`).waitFor();
  }

  async goals(): Promise<GoalRow[]> {
    return this.root.getByTestId('goal').evaluateAll((rows) =>
      rows.map((r) => ({
        check: r.querySelector('.goal-check')?.textContent ?? '',
        status: r.getAttribute('data-status') ?? '',
        reason: r.querySelector('[data-testid="goal-reason"]')?.textContent ?? null,
      })),
    );
  }

  async trafficSummary(): Promise<string> {
    return (await this.root.getByTestId('traffic-summary').textContent()) ?? '';
  }

  async run(): Promise<void> {
    await this.root.getByTestId('scenario-run').click();
  }

  async step(): Promise<void> {
    await this.root.getByTestId('scenario-step').click();
  }

  async reset(): Promise<void> {
    await this.root.getByTestId('scenario-reset').click();
  }

  async leave(): Promise<void> {
    await this.root.getByTestId('scenario-leave').click();
    await this.root.getByTestId('catalog-item').first().waitFor();
  }

  /** Apply the scenario's i-th fix; resolves once the replay is done and the panel says so. */
  async applyFix(i = 0): Promise<void> {
    await this.root.getByTestId('fixes').locator('summary').scrollIntoViewIfNeeded();
    if ((await this.root.getByTestId('fixes').getAttribute('open')) === null) await this.root.getByTestId('fixes').locator('summary').click();
    await this.root.getByTestId('apply-fix').nth(i).click();
    await this.root.getByTestId('applied-fix').waitFor();
  }

  async problem(): Promise<string> {
    return (await this.root.getByTestId('scenario-problem').textContent()) ?? '';
  }

  async edit(): Promise<void> {
    await this.root.getByTestId('scenario-edit').click();
  }

  /** Open the share popover and read the link it offers. */
  async shareUrl(): Promise<string> {
    await this.root.getByTestId('share').click();
    return this.root.getByTestId('share-url').inputValue();
  }
}
