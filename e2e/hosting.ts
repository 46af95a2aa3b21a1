import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

/**
 * The hosting the README documents, for the tests: the policy every page is
 * served with (no inline script, no eval, no inline style), and a static
 * server of dist/ that sends it on every response — pages, scripts and the
 * service worker alike — and can be stopped, so "offline" means the origin
 * is really gone (Playwright's setOffline does not reach a service worker's
 * own requests).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The strictest hosting the README offers: no `data:` images, and Trusted Types enforced for
 * scripts, with the one policy the app creates (the service worker's address).
 */
export const STRICT_CSP = [
  CSP.replace("img-src 'self' data: blob:", "img-src 'self' blob:"),
  "require-trusted-types-for 'script'",
  'trusted-types unload-lens-service-worker unload-lens-debugger-worker',
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface DistServer {
  readonly url: string;
  /** How many requests reached the server (a page served offline adds none). */
  requests(): number;
  /** From now on the service worker's script differs by a byte: a new version of the site. */
  publishUpdate(): void;
  /** Stops serving: every later request fails as with no network. */
  close(): Promise<void>;
}

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

export async function serveDist(csp: string = CSP): Promise<DistServer> {
  let count = 0;
  let version = 1;
  let closed = false;
  const server: Server = createServer((req, res) => {
    count++;
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dist, path));
    if (!file.startsWith(dist)) file = dist;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const headers = { 'content-security-policy': csp, 'cache-control': 'no-cache' };
    if (!existsSync(file)) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    if (path === '/sw.js' && version > 1) res.end(`${readFileSync(file, 'utf8')}\n// version ${version}\n`);
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    publishUpdate: () => void version++,
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface FolderServer {
  /** The origin, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  /** Where the folder is served: the origin and the prefix, e.g. `http://127.0.0.1:41234/docs/lens/`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Any folder as plain files, the way a docs author's site serves it: under
 * `prefix` (`/` for the root, `/docs/lens/` for a subfolder; any other path
 * is a 404, as on a site where the folder is one of many), with `headers` on
 * every response (CORS, a policy) and `transform` for pages to fill in.
 */
export async function serveFolder(
  dir: string,
  options: {
    readonly prefix?: string;
    readonly headers?: Record<string, string>;
    readonly transform?: (path: string, text: string) => string;
    readonly host?: string;
    /** Pages of the site that are no file of the folder: path (after the prefix) → HTML. */
    readonly pages?: Record<string, string>;
  } = {},
): Promise<FolderServer> {
  const prefix = options.prefix ?? '/';
  const root = normalize(`${dir}/`);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const headers = { 'cache-control': 'no-cache', ...options.headers };
    const made = path.startsWith(prefix) ? options.pages?.[path.slice(prefix.length)] : undefined;
    if (made !== undefined) {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.html'] }).end(made);
      return;
    }
    let file = path.startsWith(prefix) ? normalize(join(root, path.slice(prefix.length))) : '';
    if (file && !file.startsWith(root)) file = '';
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !existsSync(file)) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    if (options.transform && /\.(html|js)$/.test(file))
      res.end(options.transform(path, readFileSync(file, 'utf8')));
    else createReadStream(file).pipe(res);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: `${origin}${prefix}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Records every CSP violation in the page, for `violations`. */
export async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
}

/** The CSP violations `watchViolations` recorded so far. */
export const violations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { violations: string[] }).violations);

/** Waits until the page's service worker has installed (everything precached) and activated. */
export async function workerActive(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const r = await navigator.serviceWorker.ready;
    const sw = r.active;
    if (!sw || sw.state === 'activated') return;
    await new Promise<void>((resolve) =>
      sw.addEventListener('statechange', () => {
        if (sw.state === 'activated') resolve();
      }),
    );
  });
}
