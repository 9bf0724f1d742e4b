import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import type { ConsoleBackend } from './backend.js';
import { ConsoleController } from './controller.js';
import type { HistoryStore } from './history.js';
import { terminalTheme, type ConsoleTheme } from './terminalTheme.js';

/**
 * Fired (bubbling, `detail`: the text) on the console's element when xterm has processed a
 * write: the text is in the terminal, and xterm paints it on its next animation frame. What
 * benchmarks and tests wait for to know that a reply reached the screen.
 */
export const CONSOLE_WRITTEN = 'console-written';

export interface ConsoleProps {
  /** This console's connection. A new backend object mounts a new console. */
  backend: ConsoleBackend;
  /** Where history is kept between visits; without it, history lasts for the page. */
  history?: HistoryStore;
  /** `quit` / `exit` / Ctrl-D on an empty line (the connection has already been reset). */
  onQuit?: () => void;
  theme: ConsoleTheme;
  className?: string;
}

/**
 * The redis-cli console: an xterm sized to its box, driven by a ConsoleController. Everything
 * the console prints goes through xterm as text (never HTML), so keys and values are inert.
 */
export function Console({ backend, history, onQuit, theme, className }: ConsoleProps) {
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const quit = useRef(onQuit);
  quit.current = onQuit;
  const currentTheme = useRef(theme);

  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const t = new Terminal({
      // A steady cursor: xterm blinks it with a CSS animation that keeps a frame always pending,
      // and Chromium runs that frame before the worker's reply, so every reply would wait for it.
      cursorBlink: false,
      scrollback: 5000,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      fontSize: 13,
      theme: terminalTheme(currentTheme.current),
    });
    t.attachCustomKeyEventHandler((e) => enterFastPath(t, e));
    const fit = new FitAddon();
    t.loadAddon(fit);
    t.open(el);
    fit.fit();
    const controller = new ConsoleController({
      terminal: t,
      backend,
      history,
      onQuit: () => quit.current?.(),
      onWritten: (data) => el.dispatchEvent(new CustomEvent(CONSOLE_WRITTEN, { detail: data, bubbles: true })),
    });
    const resized = t.onResize(() => controller.resize());
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(el);
    void controller.start();
    t.focus();
    term.current = t;
    return () => {
      term.current = null;
      observer.disconnect();
      resized.dispose();
      controller.dispose();
      t.dispose();
    };
  }, [backend, history]);

  // A theme change recolours the terminal in place: its screen and scrollback stay.
  useEffect(() => {
    currentTheme.current = theme;
    if (term.current !== null) term.current.options.theme = terminalTheme(theme);
  }, [theme]);

  return <div ref={box} className={className} style={{ width: '100%', height: '100%' }} />;
}

/**
 * Enter goes to the console through `term.input`, the same path xterm takes for it, minus one
 * step: xterm also empties its hidden textarea (for screen readers), which invalidates layout,
 * and Chromium then renders a frame before it delivers the worker's reply, about a millisecond
 * after the key. With a screen reader mode on, or in the middle of an IME composition, xterm
 * handles the key itself. Returns whether xterm should process the event.
 */
function enterFastPath(t: Terminal, e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || e.isComposing || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || t.options.screenReaderMode) return true;
  if (e.type === 'keydown') {
    e.preventDefault();
    t.input('\r');
  }
  return false;
}
