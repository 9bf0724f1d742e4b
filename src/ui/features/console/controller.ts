import type { CommandDoc } from '../../../protocol/api.js';
import type { Reply } from '../../../protocol/reply.js';
import type { ConsoleBackend, ConsoleConnection, ConsoleOutput } from './backend.js';
import { HelpTable } from './help.js';
import { History, type HistoryStore } from './history.js';
import { KeyQueue, parseKeys, type Key, type KeyName } from './keys.js';
import { LineEditor, type CompletionStep } from './lineEditor.js';
import { LineView } from './lineView.js';
import { CliSession, type LineAction } from './session.js';
import { TerminalOutput, type ConsoleTerminal } from './terminalOutput.js';
import { replyText } from './terminalText.js';
import { utf8Bytes } from './utf8.js';

export interface ConsoleOptions {
  terminal: ConsoleTerminal;
  backend: ConsoleBackend;
  /** Where history survives a reload; without it history lasts for the page. */
  history?: HistoryStore;
  /** Milliseconds, for redis-cli's `(1.52s)` after a slow command. Defaults to performance.now. */
  now?: () => number;
  /** `quit`, `exit` or Ctrl-D on an empty line, after the connection was replaced by a fresh one. */
  onQuit?: () => void;
  /** The terminal has processed a write (xterm paints it on its next frame). */
  onWritten?: (data: string) => void;
}

/** Commands sent per pipeline when a paste is run. */
const PIPELINE = 512;
/** Commands after which nothing more is sent until they are answered. */
const BARRIERS = new Set(['subscribe', 'psubscribe', 'ssubscribe', 'monitor', 'wait', 'quit']);
const CLEAR_SCREEN = '\x1b[H\x1b[2J';
const WAITING = '\x1b[2mWaiting for the reply... (press Ctrl-C to cancel)\x1b[0m';

interface Item {
  /** The line as typed (text) and as bytes. */
  text: string;
  action: LineAction;
  /** Already on screen (typed at the prompt) rather than pasted ahead. */
  echoed: boolean;
  startedAt: number;
  /** For commands: how many of the `repeat` sends went to the backend, began, got answered. */
  sent: number;
  begun: number;
  done: number;
}

type Phase = 'starting' | 'editing' | 'running' | 'disposed';

/**
 * redis-cli's interactive loop for a browser terminal: draws the prompt and the line being
 * edited, runs what is typed or pasted through the backend in order, prints replies as
 * redis-cli 7.0 does, stays in "Reading messages..." for SUBSCRIBE and MONITOR and shows when
 * a command is blocked; Ctrl-C gets out of either by reconnecting. Framework-free: the React
 * component only creates the xterm and hands it over.
 */
export class ConsoleController {
  private readonly term: ConsoleTerminal;
  private readonly screen: TerminalOutput;
  private readonly backend: ConsoleBackend;
  private readonly now: () => number;
  private readonly onQuit: (() => void) | undefined;
  private readonly history: History;
  private readonly editor: LineEditor;
  private readonly view = new LineView();
  private readonly session = new CliSession(new HelpTable([]));
  private barrierNames = BARRIERS;
  private phase: Phase = 'starting';
  private conn: ConsoleConnection | null = null;
  private connected = true;
  /** Keys that arrived while a command ran: processed when the prompt is back, like a tty buffer. */
  private readonly typeahead = new KeyQueue();
  private items: Item[] = [];
  private readonly received: Array<{ reply: Reply; resp: 2 | 3 }> = [];
  private wake: (() => void) | null = null;
  private interrupted = false;
  private waitingShown = false;
  private readonly disposers: Array<() => void> = [];

  constructor(opts: ConsoleOptions) {
    this.term = opts.terminal;
    this.screen = new TerminalOutput(opts.terminal, opts.onWritten);
    this.backend = opts.backend;
    this.now = opts.now ?? (() => performance.now());
    this.onQuit = opts.onQuit;
    this.history = new History(opts.history ?? null);
    this.editor = new LineEditor(this.history);
    const data = this.term.onData((d) => this.onData(d));
    this.disposers.push(() => data.dispose());
    this.disposers.push(this.backend.onOutput((o) => this.onOutput(o)));
  }

  /** Load history, docs and the connection's state, then show the prompt. */
  async start(): Promise<void> {
    void this.backend.commandDocs().then(
      (docs) => this.useDocs(docs),
      () => undefined,
    );
    const [state] = await Promise.all([this.backend.clientState(), this.history.load().catch(() => undefined)]);
    if (this.phase === 'disposed') return;
    this.reconnected(state);
    this.prompt();
    this.flush();
    this.continueInput();
  }

  dispose(): void {
    this.phase = 'disposed';
    this.screen.dispose();
    for (const d of this.disposers.splice(0)) d();
    this.wake?.();
  }

  /** The terminal changed width: redraw the line being edited. */
  resize(): void {
    if (this.phase !== 'editing') return;
    this.render();
    this.flush();
  }

  private useDocs(docs: CommandDoc[]): void {
    this.session.help = new HelpTable(docs);
    const names = new Set(BARRIERS);
    for (const d of docs) if (d.flags.includes('blocking')) names.add(d.name.toLowerCase());
    this.barrierNames = names;
    if (this.phase === 'editing') {
      this.render();
      this.flush();
    }
  }

  private reconnected(state: ConsoleConnection): void {
    this.conn = state;
    this.connected = !state.closed;
    this.session.reconnected(state);
    this.received.length = 0;
  }

  private promptText(): string {
    if (!this.connected || this.conn === null) return 'not connected> ';
    const host = this.conn.host.includes(':') ? `[${this.conn.host}]` : this.conn.host;
    let p = `${host}:${this.conn.port}`;
    if (this.session.db !== 0) p += `[${this.session.db}]`;
    if (this.session.inMulti) p += '(TX)';
    return p + '> ';
  }

  private print(bytes: string): void {
    this.screen.add(replyText(bytes));
  }

  private flush(): void {
    this.screen.flush();
  }

  // ---- input ----

  private onData(data: string): void {
    if (this.phase === 'disposed') return;
    const keys = parseKeys(data);
    if (this.phase !== 'editing') {
      for (const k of keys) {
        if (k.kind === 'key' && k.name === 'ctrlC' && this.phase === 'running') this.interrupt();
        else this.typeahead.push([k]);
      }
      this.flush();
      return;
    }
    this.typeahead.push(keys);
    this.continueInput();
  }

  /** Feed buffered keys to the editor until a line is entered (then run it) or keys run out. */
  private continueInput(): void {
    let edited = false;
    while (this.phase === 'editing' && this.typeahead.length > 0) {
      const k = this.typeahead.shift()!;
      if (k.kind === 'key' && k.name === 'enter' && !this.editor.searching && !this.editor.completing) {
        this.submit();
      } else {
        this.editKey(k);
        edited = true;
      }
    }
    if (this.phase === 'editing' && edited) this.render();
    this.flush();
  }

  private submit(): void {
    const prompt = this.promptText();
    const text = this.editor.finish();
    this.screen.add(this.view.finish(prompt, { prompt: null, text, cursor: text.length, bold: null, hints: false }, this.term.cols));
    const item = this.makeItem(text, true);
    if (item.action.kind === 'command') this.screen.hold();
    this.items.push(item);
    this.phase = 'running';
    void this.drain();
  }

  /** Ctrl-D on an empty line: linenoise's end of input, which ends redis-cli like `quit`. */
  private submitQuit(): void {
    this.editor.finish();
    this.screen.add(this.view.finish(this.promptText(), { prompt: null, text: '', cursor: 0, bold: null, hints: false }, this.term.cols));
    this.items.push({ text: '', action: { kind: 'quit' }, echoed: true, startedAt: this.now(), sent: 0, begun: 0, done: 0 });
    this.phase = 'running';
    void this.drain();
  }

  private makeItem(text: string, echoed: boolean): Item {
    const { action, history } = this.session.interpret(utf8Bytes(text));
    if (history !== 'none') this.history.add(text, history === 'memory');
    return { text, action, echoed, startedAt: this.now(), sent: 0, begun: 0, done: 0 };
  }

  private editKey(k: Key): void {
    const ed = this.editor;
    if (k.kind === 'text') {
      ed.acceptCompletion();
      ed.insert(k.text);
      return;
    }
    const name = k.name;
    if (ed.completing) {
      if (name === 'tab') {
        if (this.completeStep() === 'beep') this.beep();
        return;
      }
      if (name === 'escape') {
        ed.cancelCompletion();
        return;
      }
      ed.acceptCompletion();
    }
    if (ed.searching) {
      this.searchKey(name);
      return;
    }
    this.editingKey(name);
  }

  /** linenoiseBeep, only at the prompt (not for a TAB inside pasted text). */
  private beep(): void {
    if (this.phase === 'editing') this.screen.add('\x07');
  }

  private completeStep(): CompletionStep {
    return this.editor.complete(() => this.session.help.completions(this.editor.buf));
  }

  private searchKey(name: KeyName): void {
    const ed = this.editor;
    switch (name) {
      case 'enter':
        this.submit();
        return;
      case 'tab':
        ed.leaveSearch(true);
        return;
      case 'ctrlR':
        ed.reverseSearch();
        return;
      case 'backspace':
        ed.backspace();
        return;
      case 'ctrlU':
        ed.killLine();
        return;
      default:
        // Ctrl-C, Ctrl-G, arrows and the other editing keys leave the search empty-handed.
        ed.leaveSearch(false);
    }
  }

  private editingKey(name: KeyName): void {
    const ed = this.editor;
    switch (name) {
      case 'tab':
        if (this.completeStep() === 'beep') this.beep();
        break;
      case 'backspace':
        ed.backspace();
        break;
      case 'delete':
        ed.deleteRight();
        break;
      case 'ctrlD':
        if (ed.buf === '') this.submitQuit();
        else ed.deleteRight();
        break;
      case 'left':
      case 'ctrlB':
        ed.left();
        break;
      case 'right':
      case 'ctrlF':
        ed.right();
        break;
      case 'home':
      case 'ctrlA':
        ed.home();
        break;
      case 'end':
      case 'ctrlE':
        ed.end();
        break;
      case 'wordLeft':
        ed.wordLeft();
        break;
      case 'wordRight':
        ed.wordRight();
        break;
      case 'up':
      case 'ctrlP':
        ed.historyMove(true);
        break;
      case 'down':
      case 'ctrlN':
        ed.historyMove(false);
        break;
      case 'ctrlU':
        ed.killLine();
        break;
      case 'ctrlK':
        ed.killToEnd();
        break;
      case 'ctrlW':
        ed.deletePrevWord();
        break;
      case 'ctrlT':
        ed.transpose();
        break;
      case 'ctrlR':
        ed.reverseSearch();
        break;
      case 'ctrlL':
        this.screen.add(CLEAR_SCREEN);
        this.view.reset();
        break;
      case 'ctrlC': {
        // redis-cli would exit; a browser console cancels the line, as a shell does.
        const d = this.editor.display();
        this.screen.add(this.view.refresh(this.promptText(), { ...d, cursor: d.text.length }, null, this.term.cols) + '^C\r\n');
        this.view.reset();
        this.history.endEdit();
        this.editor.begin();
        break;
      }
      default:
        break;
    }
  }

  private render(): void {
    const d = this.editor.display();
    const hint = this.session.hints && d.hints && d.text !== '' ? this.session.help.hint(utf8Bytes(d.text)) : null;
    this.screen.add(this.view.refresh(this.promptText(), d, hint, this.term.cols));
  }

  private prompt(): void {
    this.phase = 'editing';
    this.interrupted = false;
    this.view.reset();
    this.editor.begin();
    this.render();
  }

  // ---- running ----

  /** Take the next whole line from the keys typed or pasted ahead, or null. */
  private nextTypedLine(): Item | null {
    const q = this.typeahead;
    const first = q.peek(0);
    const second = q.peek(1);
    // Fast path for pasted text: a run of characters then Enter is the whole line.
    if (first?.kind === 'text' && second?.kind === 'key' && second.name === 'enter') {
      q.shift();
      q.shift();
      return this.makeItem(first.text, false);
    }
    const enter = q.indexOf((k) => k.kind === 'key' && k.name === 'enter');
    if (enter === -1) return null;
    this.editor.begin();
    for (let i = 0; i < enter; i++) this.editKey(q.shift()!);
    q.shift();
    return this.makeItem(this.editor.finish(), false);
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        if (this.phase === 'disposed') return;
        if (this.items.length === 0) {
          const next = this.nextTypedLine();
          if (next === null) break;
          this.items.push(next);
        }
        const item = this.items[0]!;
        if (!item.echoed) {
          this.screen.add(this.promptText() + item.text + '\r\n');
          item.echoed = true;
          item.startedAt = this.now();
        }
        if (item.action.kind !== 'command') {
          await this.runLocal(item.action);
          this.items.shift();
          continue;
        }
        if (item.begun === item.sent) await this.sendPipeline();
        if (this.interrupted) {
          await this.afterInterrupt(item);
          continue;
        }
        this.print(this.session.send(item.action.argv));
        item.begun++;
        const answered = await this.awaitAnswer();
        if (!answered) {
          await this.afterInterrupt(item);
          continue;
        }
        item.done++;
        if (item.done >= item.action.repeat) {
          this.items.shift();
          this.printElapsed(item);
        }
      }
    } catch (e) {
      this.print(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
      this.items.length = 0;
      this.typeahead.clear();
    }
    // Pushes that came after the last reply are printed before the prompt returns.
    for (const r of this.received.splice(0)) this.print(this.session.receive(r.reply, r.resp).text);
    this.screen.release();
    if (this.phase === 'running') {
      // Saved once the replies are in: the store update and autosave it sets off stay out of
      // the round trip, and a paste saves once instead of once per line.
      this.history.save();
      this.prompt();
      this.flush();
      this.continueInput();
    }
  }

  private printElapsed(item: Item): void {
    const elapsed = this.now() - item.startedAt;
    if (elapsed >= 500) this.print(`(${(elapsed / 1000).toFixed(2)}s)\n`);
  }

  private async runLocal(action: LineAction): Promise<void> {
    switch (action.kind) {
      case 'print':
        this.print(action.text);
        break;
      case 'help':
        // Help is our own text (ANSI colours included) built from the engine's command docs.
        this.screen.add(this.session.help.output(action.args).replace(/\r?\n/g, '\r\n'));
        break;
      case 'clear':
        this.screen.add(CLEAR_SCREEN);
        break;
      case 'quit':
        this.flush();
        this.reconnected(await this.backend.reset());
        this.items.length = 0;
        this.typeahead.clear();
        this.onQuit?.();
        break;
      default:
        break;
    }
  }

  /** Send the current command and as many of the following ones as can go in one pipeline. */
  private async sendPipeline(): Promise<void> {
    const batch: string[][] = [];
    for (let i = 0; batch.length < PIPELINE; i++) {
      if (i === this.items.length) {
        const next = this.nextTypedLine();
        if (next === null) break;
        this.items.push(next);
      }
      const item = this.items[i]!;
      if (item.action.kind !== 'command') break;
      const argv = item.action.argv;
      const barrier = this.isBarrier(argv);
      while (item.sent < item.action.repeat && batch.length < PIPELINE) {
        batch.push(argv);
        item.sent++;
        if (barrier) break;
      }
      if (barrier || item.sent < item.action.repeat) break;
    }
    if (!this.connected) this.reconnected(await this.backend.reset());
    // The batch goes out before the previous one's output is written: the worker runs it while
    // the terminal parses and paints.
    const sent = this.backend.execute(batch);
    this.flush();
    await sent;
  }

  private isBarrier(argv: string[]): boolean {
    return this.barrierNames.has(argv[0]!.toLowerCase());
  }

  /**
   * Print what arrives until the current command's reply. In subscribe and MONITOR mode that
   * is never (only Ctrl-C ends it). False when Ctrl-C interrupted the wait.
   */
  private async awaitAnswer(): Promise<boolean> {
    for (;;) {
      const next = this.received.shift();
      if (next !== undefined) {
        // The round trip is over: what is held is written with the reply, when the prompt is back.
        this.screen.release();
        this.clearWaiting();
        const r = this.session.receive(next.reply, next.resp);
        this.print(r.text);
        if (r.answered) return true;
        continue;
      }
      if (this.interrupted || this.phase === 'disposed') return false;
      if (this.session.mode === 'normal' && !this.waitingShown) {
        this.screen.add(WAITING);
        this.waitingShown = true;
      }
      this.screen.release();
      this.flush();
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }

  private clearWaiting(): void {
    if (!this.waitingShown) return;
    this.screen.add('\r\x1b[2K');
    this.waitingShown = false;
  }

  private onOutput(o: ConsoleOutput): void {
    if (this.phase === 'disposed') return;
    if (o.closed === true) this.connected = false;
    if (this.phase === 'running') {
      for (const reply of o.replies) this.received.push({ reply, resp: o.resp });
      this.wake?.();
      return;
    }
    // Output between commands (a RESP3 invalidation, a late message): print it above the line.
    if (o.replies.length === 0 && this.phase !== 'editing') return;
    let text = '';
    for (const reply of o.replies) text += this.session.receive(reply, o.resp).text;
    if (this.phase === 'editing') {
      this.screen.add(this.view.clear());
      this.print(text);
      this.render();
    } else {
      this.print(text);
    }
    this.flush();
  }

  /** Ctrl-C while running: stop waiting (blocked, subscribed, monitor) or drop what is queued. */
  private interrupt(): void {
    this.screen.release();
    this.interrupted = true;
    this.typeahead.clear();
    this.wake?.();
  }

  /**
   * After Ctrl-C: a connection that waits (blocked command, subscribe, MONITOR) is replaced, as
   * redis-cli reconnects; queued lines are dropped; commands already sent still get answered.
   */
  private async afterInterrupt(current: Item): Promise<void> {
    this.interrupted = false;
    const waiting = current.begun > current.done;
    this.clearWaiting();
    this.screen.add('^C');
    if (waiting) {
      this.flush();
      this.reconnected(await this.backend.reset());
      this.items.length = 0;
      const elapsed = this.now() - current.startedAt;
      this.screen.add(elapsed >= 500 ? replyText(`(${(elapsed / 1000).toFixed(2)}s)\n`) : '\r\n');
      return;
    }
    this.screen.add('\r\n');
    // Keep only what the backend already has, so its replies still find their commands.
    this.items = this.items.filter((it) => it.sent > 0);
    for (const it of this.items) if (it.action.kind === 'command') it.action.repeat = it.sent;
  }
}
