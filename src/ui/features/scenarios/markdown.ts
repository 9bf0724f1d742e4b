/**
 * The Markdown a scenario's narration is written in, parsed into plain data that Markdown.tsx
 * turns into React elements. A scenario comes from anyone (a shared link), so nothing here
 * produces HTML: text stays text, raw HTML in the source is shown as written, and a link keeps
 * its target only when it is an http(s) address.
 *
 * The subset is what narration needs: ATX headings, paragraphs, bullet and numbered lists,
 * block quotes, fenced code, and inline code, strong, emphasis and links.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string | null; children: Inline[] };

export type MdBlock =
  | { kind: 'heading'; level: number; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'quote'; blocks: MdBlock[] }
  | { kind: 'code'; lang: string; text: string };

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*).*$/;
const BULLET = /^ {0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^ {0,3}\d{1,9}[.)]\s+(.*)$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;

export function parseMarkdown(source: string): MdBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MdBlock[] = [];
  let i = 0;
  const isBlank = (l: string): boolean => l.trim() === '';
  const startsBlock = (l: string): boolean => HEADING.test(l) || FENCE.test(l) || BULLET.test(l) || NUMBERED.test(l) || QUOTE.test(l);

  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence !== null) {
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`).test(lines[i]!)) body.push(lines[i++]!);
      i++;
      blocks.push({ kind: 'code', lang: fence[2]!, text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading !== null) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, children: parseInline(heading[2]!) });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) inner.push(QUOTE.exec(lines[i++]!)![1]!);
      blocks.push({ kind: 'quote', blocks: parseMarkdown(inner.join('\n')) });
      continue;
    }
    const ordered = NUMBERED.test(line);
    if (ordered || BULLET.test(line)) {
      const item = ordered ? NUMBERED : BULLET;
      const items: string[][] = [];
      while (i < lines.length) {
        const l = lines[i]!;
        const m = item.exec(l);
        if (m !== null) items.push([m[1]!]);
        else if (!isBlank(l) && /^\s+\S/.test(l) && items.length > 0) items.at(-1)!.push(l.trim());
        else if (isBlank(l) && i + 1 < lines.length && (item.test(lines[i + 1]!) || /^\s+\S/.test(lines[i + 1]!))) {
          i++;
          continue;
        } else break;
        i++;
      }
      blocks.push({ kind: 'list', ordered, items: items.map((parts) => parseInline(parts.join(' '))) });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && !isBlank(lines[i]!) && (para.length === 0 || !startsBlock(lines[i]!))) para.push(lines[i++]!.trim());
    blocks.push({ kind: 'paragraph', children: parseInline(para.join(' ')) });
  }
  return blocks;
}

/** Only web addresses become links; anything else (javascript:, data:, relative paths) stays text. */
function safeHref(url: string): string | null {
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = (): void => {
    if (plain !== '') out.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length && /[\\`*_[\]()#>~-]/.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(run, i + run.length);
      if (end !== -1) {
        flush();
        out.push({ kind: 'code', text: text.slice(i + run.length, end).replace(/^ (.*) $/, '$1') });
        i = end + run.length;
        continue;
      }
      plain += run;
      i += run.length;
      continue;
    }
    if (ch === '*' || ch === '_') {
      const double = text[i + 1] === ch;
      const marker = double ? ch + ch : ch;
      const close = findClose(text, i + marker.length, marker);
      // `_` inside a word (snake_case, latency_per_query) is a letter, not emphasis.
      const wordy = ch === '_' && (/\w/.test(text[i - 1] ?? '') || /\w/.test(text[close + marker.length] ?? ''));
      if (close !== -1 && !wordy && text[i + marker.length] !== ' ') {
        flush();
        const children = parseInline(text.slice(i + marker.length, close));
        out.push(double ? { kind: 'strong', children } : { kind: 'em', children });
        i = close + marker.length;
        continue;
      }
    }
    if (ch === '[') {
      const m = /^\[([^\]]+)\]\(([^()\s]*)\)/.exec(text.slice(i));
      if (m !== null) {
        flush();
        out.push({ kind: 'link', href: safeHref(m[2]!), children: parseInline(m[1]!) });
        i += m[0].length;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
  return out;
}

/** Where `marker` closes emphasis opened before `from`: not after a space, not inside code. */
function findClose(text: string, from: number, marker: string): number {
  for (let j = from + 1; j <= text.length - marker.length; j++) {
    if (text[j] === '`') {
      const end = text.indexOf('`', j + 1);
      if (end === -1) return -1;
      j = end;
      continue;
    }
    if (text.startsWith(marker, j) && text[j - 1] !== ' ' && (marker.length === 2 || text[j + 1] !== marker)) return j;
  }
  return -1;
}

/** The text of inline content without its formatting (to compare a heading with a title). */
export function plainText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.kind === 'text' || n.kind === 'code' ? n.text : plainText(n.children))).join('');
}
