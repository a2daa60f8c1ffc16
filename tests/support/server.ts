/** A static file server for a built site on 127.0.0.1, serving it under a base path like a static host does. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
  server: Server;
}

export function serve(dir: string, base = '/'): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const notFound = () => {
      response.statusCode = 404;
      // The nearest 404.html up the path, as hosts that map /en/… misses to /en/404.html do (README, "Deploying").
      const language = /^\/(zh|en)\//.exec(pathname.slice(base.length - 1))?.[1];
      const own = language ? join(dir, language, '404.html') : '';
      const page = own && existsSync(own) ? own : join(dir, '404.html');
      if (existsSync(page)) {
        response.setHeader('Content-Type', TYPES['.html']);
        createReadStream(page).pipe(response);
      } else response.end('not found');
    };
    if (!pathname.startsWith(base)) return notFound();
    let file = normalize(join(dir, pathname.slice(base.length)));
    if (!file.startsWith(normalize(dir))) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { Location: `${pathname}/` });
        return response.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) return notFound();
    response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}${base}`, server, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
