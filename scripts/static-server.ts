/**
 * A built site served the way a plain static host (nginx, GitHub Pages, S3 behind a CDN) serves it, under a base
 * path: a file is sent as it is on disk; a folder with an index.html is a page, and its name without the slash is
 * redirected (301) to the slash form; anything else gets 404.html with status 404. `npm start`, `npm run preview`
 * and the tests use this one server, so what they check is what a host does.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** Content types by file extension, shared by every server the scripts start (audit, search bench, npm start). */
export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
  server: Server;
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
const isDirectory = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** The request handler for `dir` served under `base` (which starts and ends with "/"). */
export function staticHandler(dir: string, base = '/') {
  const root = normalize(dir);
  return (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const send = (status: number, file: string) => {
      response.statusCode = status;
      response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
      response.setHeader('Content-Length', statSync(file).size);
      if (request.method === 'HEAD') return response.end();
      createReadStream(file).pipe(response);
    };
    const notFound = () => {
      // The nearest 404.html up the path, as hosts that map /en/… misses to /en/404.html do (README, "Deploying").
      const language = /^\/(zh|en)\//.exec(url.pathname.slice(base.length - 1))?.[1];
      const own = language ? join(root, language, '404.html') : '';
      const page = own && isFile(own) ? own : join(root, '404.html');
      if (isFile(page)) return send(404, page);
      response.statusCode = 404;
      response.end('not found');
    };
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' });
      return response.end();
    }
    // The base without its slash is a folder too: /notes -> /notes/.
    if (`${pathname}/` === base) {
      response.writeHead(301, { Location: `${base}${url.search}` });
      return response.end();
    }
    if (!pathname.startsWith(base)) return notFound();
    const file = normalize(join(root, pathname.slice(base.length)));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return notFound();
    if (isDirectory(file)) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` });
        return response.end();
      }
      const index = join(file, 'index.html');
      return isFile(index) ? send(200, index) : notFound();
    }
    // A file named with a trailing slash is not found, as on a static host.
    if (pathname.endsWith('/') || !isFile(file)) return notFound();
    send(200, file);
  };
}

/** Serves `dir` under `base` on host:port (port 0: any free port); resolves once it listens. */
export function serve(dir: string, base = '/', { host = '127.0.0.1', port = 0 }: { host?: string; port?: number } = {}): Promise<StaticServer> {
  const server = createServer(staticHandler(dir, base));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({ url: `http://${shown}:${bound}${base}`, server, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
