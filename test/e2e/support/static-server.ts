/**
 * A small static file server for the built app on a free loopback port, as an LMC's static host
 * would serve it: under an optional sub-path, with the CSP header, and with per-test overrides
 * (for example a `config.json`). Only loopback; nothing leaves the machine.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { contentSecurityPolicyHeader } from '../../../src/app/content-security-policy';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  readonly origin: string;
  /** The app's address, ending in "/". */
  readonly url: string;
  /** Serve this content at a path under the base (e.g. "config.json"); null removes the override. */
  override(file: string, body: string | null): void;
  /** How many requests have reached the server so far (to prove an offline start used none). */
  readonly requests: number;
  /** The paths of those requests, in order (to say which ones, when there should be none). */
  readonly requested: readonly string[];
  /** Serve a different build directory from now on (an app update). */
  setRoot(dir: string): void;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Compress text responses with gzip when the browser accepts it, as an LMC's host would. */
  readonly gzip?: boolean;
}

const compressible = /\.(html|js|mjs|css|json|webmanifest|svg|txt)$/;

export async function startStaticServer(
  rootDir: string,
  basePath = '/',
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  let root = rootDir;
  const overrides = new Map<string, string>();
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    requested.push(req.url ?? '/');
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith(base)) {
        res.writeHead(404).end('Not found');
        return;
      }
      const rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
      const headers = { 'Cache-Control': 'no-cache', 'Content-Security-Policy': contentSecurityPolicyHeader };
      const override = overrides.get(rel);
      if (override !== undefined) {
        res.writeHead(200, { ...headers, 'Content-Type': types[path.extname(rel)] ?? 'application/octet-stream' });
        res.end(override);
        return;
      }
      const file = path.resolve(root, rel);
      if (!file.startsWith(path.resolve(root))) {
        res.writeHead(403).end();
        return;
      }
      try {
        const info = await stat(file);
        if (!info.isFile()) throw new Error('not a file');
        const body = await readFile(file);
        const type = { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' };
        if (options.gzip && compressible.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
          res.writeHead(200, { ...headers, ...type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
          res.end(gzipSync(body, { level: 9 }));
          return;
        }
        res.writeHead(200, { ...headers, ...type });
        res.end(body);
      } catch {
        res.writeHead(404, headers).end('Not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    override: (file, body) => (body === null ? overrides.delete(file) : overrides.set(file, body)),
    get requests() {
      return requested.length;
    },
    requested,
    setRoot: (dir) => {
      root = dir;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
