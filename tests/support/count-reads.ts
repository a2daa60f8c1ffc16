/**
 * Loaded into a build with `node --import` (through NODE_OPTIONS): counts every time a file under
 * CONFNOTES_COUNT_READS_ROOT is read, by whatever code reads it (the content check, Astro's loaders, remark plugins,
 * routes), and writes the counts to CONFNOTES_COUNT_READS_OUT/<pid>-<thread>.json when the process or thread ends.
 *
 * It wraps the `node:fs` functions that read a file whole or open one (callback, sync and promise forms), then
 * updates the ES module exports so that `import { readFileSync } from 'node:fs'` sees the wrapper too. An open made
 * inside a wrapped read (readFileSync opening the file itself) is the same read and is not counted again.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

const root = process.env.CONFNOTES_COUNT_READS_ROOT;
const out = process.env.CONFNOTES_COUNT_READS_OUT;

if (root && out) {
  const counts = new Map<string, number>();
  let depth = 0;
  const under = (target: unknown): string | undefined => {
    let path: string | undefined;
    if (typeof target === 'string') path = target;
    else if (target instanceof URL && target.protocol === 'file:') path = fileURLToPath(target);
    else if (Buffer.isBuffer(target)) path = target.toString();
    if (path === undefined) return undefined;
    const rel = relative(root, resolve(path));
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : rel.split('\\').join('/');
  };
  const count = (target: unknown) => {
    if (depth > 0) return;
    const rel = under(target);
    if (rel !== undefined) counts.set(rel, (counts.get(rel) ?? 0) + 1);
  };
  // Opening for writing is not a read.
  const reads = (flags: unknown) => flags === undefined || flags === 'r' || flags === 'rs' || flags === 'sr' || flags === fs.constants.O_RDONLY;

  const wrapSync = <F extends (...args: any[]) => any>(fn: F, isRead: (args: any[]) => boolean = () => true): F =>
    function (this: unknown, ...args: any[]) {
      if (isRead(args)) count(args[0]);
      depth++;
      try {
        return fn.apply(this, args);
      } finally {
        depth--;
      }
    } as F;
  const wrapAsync = <F extends (...args: any[]) => any>(fn: F, isRead: (args: any[]) => boolean = () => true): F =>
    function (this: unknown, ...args: any[]) {
      if (isRead(args)) count(args[0]);
      return fn.apply(this, args);
    } as F;
  const openFlags = (args: any[]) => reads(typeof args[1] === 'function' ? undefined : args[1]);

  fs.readFileSync = wrapSync(fs.readFileSync);
  fs.openSync = wrapSync(fs.openSync, openFlags);
  fs.readFile = wrapAsync(fs.readFile);
  fs.open = wrapAsync(fs.open, openFlags);
  fs.promises.readFile = wrapAsync(fs.promises.readFile);
  fs.promises.open = wrapAsync(fs.promises.open, openFlags);
  syncBuiltinESMExports();

  const write = () => {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(join(out, `${process.pid}-${threadId}.json`), JSON.stringify(Object.fromEntries(counts)));
  };
  process.on('exit', write);
}
