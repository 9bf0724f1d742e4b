import { useRef, useState } from 'react';
import { useServices } from '../../client/hooks.js';
import { useNoticeStore } from '../../stores/noticeStore.js';
import { downloadSession, readSessionFile } from './sessionFile.js';

/** Export / Import the dataset as a JSON file, and Reset everything (with a confirmation). */
export function SessionControls() {
  const { engine, autosave } = useServices();
  const show = useNoticeStore((s) => s.show);
  const fileInput = useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = useState(false);

  const exportFile = async () => {
    const { text, keys } = await engine.api.exportSessionText();
    downloadSession(text, new Date());
    show('info', `Exported ${keys} ${keys === 1 ? 'key' : 'keys'}.`);
  };

  const importFile = async (file: File) => {
    const read = await readSessionFile(file);
    if (!read.ok) return show('error', `Import failed: ${read.error}`);
    const r = await engine.api.importSession(read.text);
    if (!r.ok) return show('error', `Import failed: ${r.error}`);
    autosave?.mark('session');
    show('info', `Imported ${r.keys} ${r.keys === 1 ? 'key' : 'keys'} from ${file.name}.`);
  };

  const reset = async () => {
    setConfirming(false);
    await autosave?.clear();
    // The restart closes every connection: consoles show "not connected" and reconnect on the
    // next command, as redis-cli does; the keyspace view starts over on the resync event.
    await engine.api.reset();
    show('info', 'Reset: the node restarted empty and the clock runs at ×1.');
  };

  return (
    <div className="group">
      <button onClick={() => void exportFile()} title="Download the dataset as a JSON file" data-testid="export">
        Export
      </button>
      <button onClick={() => fileInput.current?.click()} title="Replace the dataset with a session file" data-testid="import">
        Import…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f !== undefined) void importFile(f);
        }}
      />
      {confirming ? (
        <span className="group confirm" role="alertdialog" aria-label="Confirm reset">
          <span>Erase all data?</span>
          <button className="primary" onClick={() => void reset()} data-testid="reset-confirm">
            Reset
          </button>
          <button onClick={() => setConfirming(false)}>Cancel</button>
        </span>
      ) : (
        <button className="danger" onClick={() => setConfirming(true)} title="Restart the node empty and forget the autosave" data-testid="reset">
          Reset
        </button>
      )}
    </div>
  );
}
