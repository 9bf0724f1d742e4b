import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StaticSite {
  /** Where the app is, with a trailing slash: `http://127.0.0.1:PORT/some/sub/path/`. */
  url: string;
  /** Requests that did not resolve to a file (a build referencing something it lacks). */
  misses: string[];
  close(): Promise<void>;
}

/**
 * Serves a built dist/ under a sub-path on a free loopback port, like any static host would:
 * proves the build needs no server logic and works away from the domain root.
 */
export async function serveStatic(root: string, subPath = '/course/redis/'): Promise<StaticSite> {
  const misses: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(subPath)) {
      misses.push(url.pathname);
      res.writeHead(404).end();
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(subPath.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(normalize(root) + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      misses.push(url.pathname);
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${subPath}`,
    misses,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
