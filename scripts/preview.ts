/**
 * `npm run preview` (and the second half of `npm start`): serves the built dist/ on http://localhost:4321 the way a
 * static host will, under the configured base (scripts/static-server.ts). `--port N` and `--host NAME` as with
 * `astro preview`, e.g. `npm start -- --port 4400`. Astro's own preview server is not used: it answers 404 for a
 * download without an extension and for /en without its slash, which no static host does.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { basePath } from '../src/lib/config.ts';
import { serve } from './static-server.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4321' }, host: { type: 'string', default: 'localhost' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`preview: --port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(1);
}
const dir = resolve(process.env.CONFNOTES_OUT ?? 'dist');
if (!existsSync(resolve(dir, 'index.html'))) {
  console.error(`preview: no built site in ${dir}: run \`npm run build\` first (or \`npm start\`, which builds and serves)`);
  process.exit(1);
}
try {
  const site = await serve(dir, basePath(), { host: values.host, port });
  console.log(`confnotes: serving ${dir} at ${site.url} (as a static host would; Ctrl+C stops)`);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(`preview: cannot listen on ${values.host}:${port}: ${code === 'EADDRINUSE' ? 'the port is in use (pick another with --port N)' : (error as Error).message}`);
  process.exit(1);
}
