/** The little of a terminal the console uses; xterm's Terminal has it. */
export interface ConsoleTerminal {
  /** Queue text; `parsed` runs once the terminal has processed it (xterm paints on its next frame). */
  write(data: string, parsed?: () => void): void;
  onData(listener: (data: string) => void): { dispose(): void };
  readonly cols: number;
}

/**
 * How long the echo of a command typed at the prompt may wait for its reply. Chromium gives the
 * frame after a key press priority over other tasks: text written on Enter makes the worker's
 * reply (back in about a millisecond) wait behind that frame's rendering, a 5–20 ms wait for
 * nothing. Holding the echo lets line and reply reach the terminal in one write. A command that
 * blocks releases it as soon as it is seen waiting; this bound covers a busy worker, and is
 * shorter than anyone notices.
 */
export const ECHO_HOLD_MS = 25;

/**
 * What the console has printed but not yet written to the terminal. Output is collected and
 * written in one piece when the console is idle again (one write per reply, per pasted batch),
 * except while an echo is held.
 */
export class TerminalOutput {
  private out = '';
  private holdTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly term: ConsoleTerminal,
    /** Told when the terminal has processed a write: the moment the text is on its screen buffer. */
    private readonly onParsed: ((data: string) => void) | undefined,
  ) {}

  add(text: string): void {
    this.out += text;
  }

  /** Keep output back until `release` (or ECHO_HOLD_MS, whichever comes first). */
  hold(): void {
    this.release();
    this.holdTimer = setTimeout(() => {
      this.holdTimer = null;
      this.flush();
    }, ECHO_HOLD_MS);
  }

  /** End a hold without writing: the next flush writes everything. */
  release(): void {
    if (this.holdTimer === null) return;
    clearTimeout(this.holdTimer);
    this.holdTimer = null;
  }

  flush(): void {
    if (this.out === '' || this.holdTimer !== null) return;
    const data = this.out;
    this.out = '';
    const parsed = this.onParsed;
    this.term.write(data, parsed === undefined ? undefined : () => parsed(data));
  }

  dispose(): void {
    this.release();
    this.out = '';
  }
}
