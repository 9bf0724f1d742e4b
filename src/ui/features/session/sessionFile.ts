import type { SessionSnapshot } from '../../../protocol/api.js';

/** Offer the session as a JSON file download (no server involved: a blob URL). */
export function downloadSession(snapshot: SessionSnapshot, date: Date): void {
  const blob = new Blob([JSON.stringify(snapshot, null, 1)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `redsim-session-${stamp(date)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** The picked file's JSON, or why it is not JSON. The worker validates the content. */
export async function readSessionFile(file: File): Promise<{ ok: true; data: unknown } | { ok: false; error: string }> {
  if (file.size > 256 * 1024 * 1024) return { ok: false, error: 'file is larger than 256 MB' };
  try {
    return { ok: true, data: JSON.parse(await file.text()) as unknown };
  } catch (e) {
    return { ok: false, error: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}
