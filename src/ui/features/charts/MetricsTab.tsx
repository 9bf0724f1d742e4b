import { lazy, Suspense, useState } from 'react';

// d3 and the charts load with the first look at this tab, never with the app's first chunk.
const MetricsView = lazy(() => import('./MetricsView.js'));

/** The Metrics view tab: mounts the charts once the tab has been shown. */
export function MetricsTab({ active }: { active: boolean }) {
  const [shown, setShown] = useState(active);
  if (active && !shown) setShown(true);
  if (!shown) return null;
  return (
    <Suspense fallback={<p className="metrics-loading dim">Loading the charts…</p>}>
      <MetricsView />
    </Suspense>
  );
}
