import { useState } from 'react';
import { shareLink, type ShareLink } from './shareLink.js';

/**
 * "Share link": the whole scenario compressed into the link's hash. Nothing is uploaded; whoever
 * opens the link gets the text, which is validated before it loads.
 */
export function ShareButton({ text, label = 'Share link' }: { text: string; label?: string }) {
  const [link, setLink] = useState<ShareLink | null>(null);
  const [copied, setCopied] = useState(false);
  const make = () => {
    setCopied(false);
    setLink(link === null ? shareLink(text, window.location.href) : null);
  };
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions): the link stays selected in the field to copy by hand.
      setCopied(false);
    }
  };
  return (
    <span className="share">
      <button onClick={make} aria-expanded={link !== null} title="A link that opens this scenario: the text travels in the link itself" data-testid="share">
        {label}
      </button>
      {link !== null && (
        <div className="share-popover" role="dialog" aria-label="Share this scenario" data-testid="share-popover">
          {link.ok ? (
            <>
              <input className="mono" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} autoFocus aria-label="Link to this scenario" data-testid="share-url" />
              <div className="group">
                <button className="primary" onClick={() => void copy(link.url)}>
                  {copied ? 'Copied' : 'Copy'}
                </button>
                <span className="dim">
                  {link.url.length.toLocaleString('en-US')} characters; the scenario travels in the link, nothing is uploaded.
                </span>
              </div>
            </>
          ) : (
            <p className="share-error">This scenario cannot be shared as a link: {link.error}.</p>
          )}
        </div>
      )}
    </span>
  );
}
