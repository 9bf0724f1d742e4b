import { useEffect } from 'react';
import { openEditor } from '../editor/editorStore.js';
import type { ScenarioController } from '../scenarios/scenarioController.js';
import { readSharedScenario } from './shareLink.js';

/**
 * Opens the scenario a link carries (`#scenario=…`), at start and when the hash changes (a link
 * pasted into this tab). The text goes to the worker, which validates it before anything runs;
 * a scenario with errors opens in the editor instead, with its errors marked. The hash is then
 * removed, so that a reload keeps what the student did since rather than starting over.
 */
export function useSharedLink(controller: ScenarioController): void {
  useEffect(() => {
    const open = async (): Promise<void> => {
      const shared = readSharedScenario(window.location.hash);
      if (shared.kind === 'none') return;
      history.replaceState(null, '', window.location.pathname + window.location.search);
      if (shared.kind === 'invalid') {
        controller.reportProblem(`This shared link could not be opened: ${shared.error}.`);
        return;
      }
      const r = await controller.load({ text: shared.text });
      if (!r.ok) {
        controller.reportProblem(`The shared scenario has ${r.errors.length === 1 ? 'an error' : `${r.errors.length} errors`}; it is open in the editor.`);
        openEditor(shared.text, 'a shared link', r.errors);
      }
    };
    void open();
    const onHash = () => void open();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [controller]);
}
