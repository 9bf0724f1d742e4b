import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { boot } from './boot.js';
import { ServicesContext } from './client/hooks.js';
import './styles/theme.css';
import './styles/layout.css';

const root = createRoot(document.getElementById('root')!);
boot().then(
  (services) =>
    root.render(
      <StrictMode>
        <ServicesContext.Provider value={services}>
          <App />
        </ServicesContext.Provider>
      </StrictMode>,
    ),
  (e: unknown) => root.render(<p className="boot-error">redsim could not start: {e instanceof Error ? e.message : String(e)}</p>),
);
