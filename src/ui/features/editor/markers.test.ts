import { describe, expect, it } from 'vitest';
import { lineMarkers } from './markers.js';

describe('validation markers', () => {
  const lines = ['---', 'title: x', '```sim', 'backend:', '  latency: fast', '```'];

  it('underline the line an error names, from its first character', () => {
    expect(lineMarkers([{ line: 5, message: 'latency: invalid value' }], lines)).toEqual([
      { severity: 8, message: 'latency: invalid value', startLineNumber: 5, startColumn: 3, endLineNumber: 5, endColumn: 16 },
    ]);
  });

  it('stay on a line that exists when the text got shorter, and mark an empty line', () => {
    const [m] = lineMarkers([{ line: 40, message: 'gone' }], lines);
    expect(m).toMatchObject({ startLineNumber: 6, endLineNumber: 6 });
    expect(lineMarkers([{ line: 1, message: 'empty' }], [''])[0]).toMatchObject({ startColumn: 1, endColumn: 2 });
  });
});
