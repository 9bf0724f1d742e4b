import type { ReactNode } from 'react';
import { parseMarkdown, plainText, type Inline, type MdBlock } from './markdown.js';

/**
 * Scenario narration as React elements: every piece of the author's text reaches the DOM as a
 * text node (React escapes it), never as HTML. `skipTitle` drops a first heading that the panel
 * already shows as the step's title.
 */
export function Markdown({ source, skipTitle }: { source: string; skipTitle?: string }) {
  let blocks = parseMarkdown(source);
  const first = blocks[0];
  if (skipTitle !== undefined && first?.kind === 'heading' && plainText(first.children) === skipTitle) blocks = blocks.slice(1);
  return <div className="markdown">{blocks.map(renderBlock)}</div>;
}

function renderBlock(b: MdBlock, key: number): ReactNode {
  switch (b.kind) {
    case 'heading': {
      // Narration sits under the panel's own headings: its levels start at h3.
      const Tag = (['h3', 'h4', 'h5', 'h6', 'h6', 'h6'] as const)[b.level - 1]!;
      return <Tag key={key}>{b.children.map(renderInline)}</Tag>;
    }
    case 'paragraph':
      return <p key={key}>{b.children.map(renderInline)}</p>;
    case 'list': {
      const items = b.items.map((item, i) => <li key={i}>{item.map(renderInline)}</li>);
      return b.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case 'quote':
      return <blockquote key={key}>{b.blocks.map(renderBlock)}</blockquote>;
    case 'code':
      return (
        <pre key={key} className="mono">
          <code>{b.text}</code>
        </pre>
      );
  }
}

function renderInline(n: Inline, key: number): ReactNode {
  switch (n.kind) {
    case 'text':
      return n.text;
    case 'code':
      return (
        <code key={key} className="mono">
          {n.text}
        </code>
      );
    case 'strong':
      return <strong key={key}>{n.children.map(renderInline)}</strong>;
    case 'em':
      return <em key={key}>{n.children.map(renderInline)}</em>;
    case 'link':
      return n.href === null ? (
        <span key={key}>{n.children.map(renderInline)}</span>
      ) : (
        <a key={key} href={n.href} target="_blank" rel="noopener noreferrer">
          {n.children.map(renderInline)}
        </a>
      );
  }
}
