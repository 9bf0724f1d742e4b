import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, plainText } from './markdown.js';

describe('narration Markdown', () => {
  it('parses the blocks narration uses', () => {
    const md = [
      '# A hot product page',
      '',
      'Product 42 is on the front page: **5,000 requests per second**',
      'ask for it.',
      '',
      '- `mutex`: take a lock with',
      '  `SET lock NX PX 2000`.',
      '- `early-refresh`: XFetch.',
      '',
      '1. one',
      '2. two',
      '',
      '> quoted *text*',
      '',
      '```js',
      'alert(1) // stays text',
      '```',
    ].join('\n');
    expect(parseMarkdown(md)).toEqual([
      { kind: 'heading', level: 1, children: [{ kind: 'text', text: 'A hot product page' }] },
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: 'Product 42 is on the front page: ' },
          { kind: 'strong', children: [{ kind: 'text', text: '5,000 requests per second' }] },
          { kind: 'text', text: ' ask for it.' },
        ],
      },
      {
        kind: 'list',
        ordered: false,
        items: [
          [{ kind: 'code', text: 'mutex' }, { kind: 'text', text: ': take a lock with ' }, { kind: 'code', text: 'SET lock NX PX 2000' }, { kind: 'text', text: '.' }],
          [{ kind: 'code', text: 'early-refresh' }, { kind: 'text', text: ': XFetch.' }],
        ],
      },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]] },
      { kind: 'quote', blocks: [{ kind: 'paragraph', children: [{ kind: 'text', text: 'quoted ' }, { kind: 'em', children: [{ kind: 'text', text: 'text' }] }] }] },
      { kind: 'code', lang: 'js', text: 'alert(1) // stays text' },
    ]);
  });

  it('keeps snake_case names, escapes and unclosed markers as text', () => {
    expect(parseInline('set ttl_jitter and latency_per_query')).toEqual([{ kind: 'text', text: 'set ttl_jitter and latency_per_query' }]);
    expect(parseInline('2 * 3 * 4 and \\*not em\\*')).toEqual([{ kind: 'text', text: '2 * 3 * 4 and *not em*' }]);
    expect(parseInline('a `code with * star` b')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'code', text: 'code with * star' },
      { kind: 'text', text: ' b' },
    ]);
    expect(parseInline('*thundering herd* _really_')).toEqual([
      { kind: 'em', children: [{ kind: 'text', text: 'thundering herd' }] },
      { kind: 'text', text: ' ' },
      { kind: 'em', children: [{ kind: 'text', text: 'really' }] },
    ]);
  });

  it('turns only http(s) addresses into link targets', () => {
    expect(parseInline('[docs](https://redis.io/docs/)')).toEqual([{ kind: 'link', href: 'https://redis.io/docs/', children: [{ kind: 'text', text: 'docs' }] }]);
    expect(parseInline('[click](javascript:alert(1))')).toEqual([{ kind: 'text', text: '[click](javascript:alert(1))' }]);
    expect(parseInline('[click](javascript:alert)')).toEqual([{ kind: 'link', href: null, children: [{ kind: 'text', text: 'click' }] }]);
    expect(parseInline('[x](data:text/html,hi)')[0]).toMatchObject({ kind: 'link', href: null });
  });

  it('leaves raw HTML as the text it is', () => {
    const blocks = parseMarkdown('<img src=x onerror=alert(1)> <script>alert(2)</script>');
    expect(blocks).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: '<img src=x onerror=alert(1)> <script>alert(2)</script>' }] }]);
  });

  it('flattens inline formatting to compare a heading with a title', () => {
    expect(plainText(parseInline('Your turn: **rebuild** it `once`'))).toBe('Your turn: rebuild it once');
  });
});
