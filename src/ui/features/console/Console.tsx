import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import type { ConsoleBackend } from './backend.js';
import { ConsoleController } from './controller.js';
import type { HistoryStore } from './history.js';

export interface ConsoleProps {
  /** This console's connection. A new backend object mounts a new console. */
  backend: ConsoleBackend;
  /** Where history is kept between visits; without it, history lasts for the page. */
  history?: HistoryStore;
  /** `quit` / `exit` / Ctrl-D on an empty line (the connection has already been reset). */
  onQuit?: () => void;
  className?: string;
}

/**
 * The redis-cli console: an xterm sized to its box, driven by a ConsoleController. Everything
 * the console prints goes through xterm as text (never HTML), so keys and values are inert.
 */
export function Console({ backend, history, onQuit, className }: ConsoleProps) {
  const box = useRef<HTMLDivElement>(null);
  const quit = useRef(onQuit);
  quit.current = onQuit;

  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const term = new Terminal({
      cursorBlink: true,
      scrollback: 5000,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      fontSize: 13,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    fit.fit();
    const controller = new ConsoleController({ terminal: term, backend, history, onQuit: () => quit.current?.() });
    const resized = term.onResize(() => controller.resize());
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(el);
    void controller.start();
    term.focus();
    return () => {
      observer.disconnect();
      resized.dispose();
      controller.dispose();
      term.dispose();
    };
  }, [backend, history]);

  return <div ref={box} className={className} style={{ width: '100%', height: '100%' }} />;
}
