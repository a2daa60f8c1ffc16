/**
 * `npm run dev` answers like the static host the build is made for (scripts/static-server.ts), where Astro's dev
 * server alone does not: with trailingSlash "always" it answers 404 for every download (files/...) without a
 * trailing slash and for /en or /zh without theirs. Before Astro sees a request, this middleware
 *   - hands a download to its route with the slash Astro's router wants (the bytes are the route's, unchanged);
 *   - redirects (301) a page asked for without its slash to the slash form, as a host does for a folder.
 * Everything else, and anything that is not a page, goes on to Astro untouched. `astro build` does not use it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { DOWNLOADS_DIR } from '../lib/embed.ts';

const HAS_EXTENSION = /\.[^/]+$/;

/** The middleware for a site under `base` ("/" or "/notes/"); `origin()` is where the dev server itself listens. */
export function staticHostMiddleware(base: string, origin: () => string | undefined) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const path = url.pathname;
    if ((request.method !== 'GET' && request.method !== 'HEAD') || path.endsWith('/') || !path.startsWith(base)) return next();
    const rest = path.slice(base.length);
    if (rest.startsWith(`${DOWNLOADS_DIR}/`)) {
      request.url = `${path}/${url.search}`;
      return next();
    }
    // Files (main.css, robots.txt) and Vite's own paths (/@vite/client, /@fs/...) are not pages.
    if (HAS_EXTENSION.test(rest) || rest.startsWith('@') || path.startsWith('/@') || path.startsWith('/node_modules/')) return next();
    // Whether the slash form is a page is Astro's to say: ask it (a dev server renders on demand). The question goes
    // to the server's own address, never to the request's Host header.
    const self = origin();
    if (!self) return next();
    fetch(`${self}${path}/`, { method: 'HEAD', redirect: 'manual' })
      .then((page) => {
        if (page.status !== 200) return next();
        response.writeHead(301, { Location: `${path}/${url.search}` });
        response.end();
      })
      .catch(() => next());
  };
}

export function devStaticHost(): AstroIntegration {
  return {
    name: 'confnotes:dev-static-host',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'dev') return;
        const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        const plugin: Plugin = {
          name: 'confnotes:dev-static-host',
          enforce: 'post',
          // Astro puts its trailing-slash check at the front of the stack from its own post hook; this one runs after
          // it and goes in front of it.
          configureServer: (server) => () => {
            const origin = () => {
              const address = server.httpServer?.address();
              if (!address || typeof address === 'string') return undefined;
              const host = address.address === '::' || address.address === '0.0.0.0' ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
              return `http://${host}:${address.port}`;
            };
            server.middlewares.stack.unshift({ route: '', handle: staticHostMiddleware(base, origin) as never });
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
