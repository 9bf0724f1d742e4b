import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { boot } from './boot.js';
import type { EngineClient } from './client/engineClient.js';
import { ServicesContext } from './client/hooks.js';
import { ScenarioPanel } from './features/scenarios/ScenarioPanel.js';
import './styles/theme.css';
import './styles/layout.css';

export async function mount(engine: EngineClient): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  try {
    const services = await boot(engine);
    root.render(
      <StrictMode>
        <ServicesContext.Provider value={services}>
          <App aside={<ScenarioPanel />} />
        </ServicesContext.Provider>
      </StrictMode>,
    );
  } catch (e) {
    root.render(<p className="boot-error">redsim could not start: {e instanceof Error ? e.message : String(e)}</p>);
  }
}
