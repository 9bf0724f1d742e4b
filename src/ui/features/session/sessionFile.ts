/** Offer the session's JSON text as a file download (no server involved: a blob URL). */
export function downloadSession(text: string, date: Date): void {
  const blob = new Blob([text], { type: 'application/json' });
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

/** The picked file's text; the worker parses and validates it. */
export async function readSessionFile(file: File): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  if (file.size > 256 * 1024 * 1024) return { ok: false, error: 'file is larger than 256 MB' };
  try {
    return { ok: true, text: await file.text() };
  } catch (e) {
    return { ok: false, error: `could not read the file: ${e instanceof Error ? e.message : String(e)}` };
  }
}
