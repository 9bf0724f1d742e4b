import { useEngineInfoStore } from '../../stores/engineInfoStore.js';
import { useNoticeStore } from '../../stores/noticeStore.js';
import { useSaveStatusStore, type SaveStatus } from '../../stores/saveStatusStore.js';
import { useSettingsStore } from '../../stores/settingsStore.js';
import { SessionControls } from '../session/SessionControls.js';

const SAVE_TEXT: Record<SaveStatus, string> = {
  off: 'Autosave off',
  saved: 'Saved',
  pending: 'Saving…',
  saving: 'Saving…',
  error: 'Autosave failed',
};

export function Header() {
  const node = useEngineInfoStore((s) => s.info?.nodes[0]);
  const theme = useSettingsStore((s) => s.theme);
  const update = useSettingsStore((s) => s.update);
  const save = useSaveStatusStore();
  const notice = useNoticeStore((s) => s.notice);
  return (
    <header className="header">
      <div className="brand">
        <img src="./favicon.svg" alt="" />
        redsim
        <small>a Redis you can see inside</small>
      </div>
      {node !== undefined && (
        <span className="node-pill" title="The simulated node your consoles are connected to">
          {node.host}:{node.port} · Redis {node.version}
        </span>
      )}
      {notice !== null && (
        <span className="notice" data-kind={notice.kind} role="status" title={notice.text} data-testid="notice">
          {notice.text}
        </span>
      )}
      <div className="spacer" />
      <SessionControls />
      <span className="save-status" data-status={save.status} title={save.error || 'Data, console history and settings are kept in this browser'} data-testid="save-status">
        {SAVE_TEXT[save.status]}
      </span>
      <button
        aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        title="Theme"
        onClick={() => update({ theme: theme === 'dark' ? 'light' : 'dark' })}
        data-testid="theme-toggle"
      >
        {theme === 'dark' ? '☀ Light' : '☾ Dark'}
      </button>
    </header>
  );
}
