import type { Locator, Page } from 'playwright-core';

export type ChartId = 'backend' | 'hitRatio' | 'latency' | 'errors';

export interface ChartData {
  /** Highest and lowest plotted values over the time shown. */
  peak: number | null;
  low: number | null;
  /** The capacity line, when the chart has one. */
  reference: number | null;
  /** The worst value since the step under way started. */
  stepWorst: number | null;
  points: number;
  /** The drawn line's path. */
  path: string;
}

const num = (s: string | null): number | null => (s === null || s === '' ? null : Number(s));

/** The Metrics view's charts, read from what they plotted (data attributes and the SVG path). */
export class MetricsChartPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('metrics');
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Metrics' }).click();
    await this.root.waitFor();
  }

  chart(id: ChartId): Locator {
    return this.root.getByTestId(`chart-${id}`);
  }

  async data(id: ChartId): Promise<ChartData> {
    const c = this.chart(id);
    const step = c.getByTestId('step-worst');
    return {
      peak: num(await c.getAttribute('data-peak')),
      low: num(await c.getAttribute('data-low')),
      reference: num(await c.getAttribute('data-reference')),
      stepWorst: (await step.count()) === 0 ? null : num(await step.getAttribute('data-value')),
      points: Number(await c.getAttribute('data-points')),
      path: (await c.locator('path.series').getAttribute('d')) ?? '',
    };
  }

  async screenshot(path: string): Promise<void> {
    await this.root.screenshot({ path });
  }
}
