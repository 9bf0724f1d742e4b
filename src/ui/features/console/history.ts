/**
 * Where the app keeps the console's history between visits (redis-cli's ~/.rediscli_history).
 * Lines are text as typed, oldest first.
 */
export interface HistoryStore {
  load(): Promise<readonly string[]> | readonly string[];
  save(lines: readonly string[]): void;
}

/** linenoise's default history length. */
export const HISTORY_MAX = 100;

interface Entry {
  line: string;
  /** AUTH, ACL SETUSER...: recallable with ↑ but never saved. */
  sensitive: boolean;
}

/**
 * linenoise's history: at most HISTORY_MAX lines, no line twice in a row. Like linenoise, the
 * line being edited occupies a temporary last entry while ↑/↓ walk the list, and edits made to a
 * recalled line stay in the list.
 */
export class History {
  private entries: Entry[] = [];
  /** Lines were added since the last save. */
  private unsaved = false;

  constructor(private readonly store: HistoryStore | null = null) {}

  async load(): Promise<void> {
    if (this.store === null) return;
    const saved = await this.store.load();
    // Stored lines are data: control characters in them would drive the terminal when recalled.
    for (const line of saved) if (typeof line === 'string') this.push(line.replace(/[\x00-\x1f\x7f-\x9f]/g, '\ufffd'), false);
  }

  get length(): number {
    return this.entries.length;
  }

  at(i: number): string {
    return this.entries[i]!.line;
  }

  set(i: number, line: string): void {
    this.entries[i]!.line = line;
  }

  /** linenoiseHistoryAdd; `save` writes the lines that may be kept. */
  add(line: string, sensitive: boolean): void {
    if (this.push(line, sensitive) && !sensitive) this.unsaved = true;
  }

  /** linenoiseHistorySave, when lines were added since the last one. */
  save(): void {
    if (!this.unsaved || this.store === null) return;
    this.unsaved = false;
    this.store.save(this.entries.filter((e) => !e.sensitive).map((e) => e.line));
  }

  /** The temporary entry for the line being edited. */
  beginEdit(): void {
    this.entries.push({ line: '', sensitive: false });
  }

  endEdit(): void {
    this.entries.pop();
  }

  private push(line: string, sensitive: boolean): boolean {
    const last = this.entries[this.entries.length - 1];
    if (last !== undefined && last.line === line) return false;
    this.entries.push({ line, sensitive });
    if (this.entries.length > HISTORY_MAX) this.entries.shift();
    return true;
  }
}
