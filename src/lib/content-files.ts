/**
 * Reading files from the content root safely, shared by the content check, the embed plugin and the download route:
 * - a file is published only when its real path (after every symbolic link) is inside the real content root, so a
 *   link such as files/hosts -> /etc/passwd is refused, not followed;
 * - text files must be UTF-8 (a UTF-8 BOM is fine); anything else is named, with the encoding chardet recognises,
 *   instead of being built as mojibake.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep, isAbsolute } from 'node:path';
import chardet from 'chardet';
import { processState } from './process-state.ts';

/** Whether `path` is `root` or lies below it (both absolute, already real). */
export const isInside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

export type Resolved = { ok: true; real: string } | { ok: false; reason: string };

/**
 * The real path of a file that is to be published, or why it may not be: missing, not a file, or (through a
 * symbolic link) outside the content root.
 */
export function resolveInsideRoot(root: string, path: string): Resolved {
  const absolute = resolve(root, path);
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { ok: false, reason: 'the content root does not exist' };
  }
  if (!existsSync(absolute)) {
    // existsSync follows links: a link whose target is gone is reported as such.
    try {
      realpathSync(absolute);
    } catch {
      return { ok: false, reason: 'does not exist' };
    }
  }
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    return { ok: false, reason: 'is a symbolic link whose target does not exist' };
  }
  if (!isInside(realRoot, real)) return { ok: false, reason: `is a symbolic link to ${real}, outside the content root; only files inside it are published` };
  if (!statSync(real).isFile()) return { ok: false, reason: 'is not a file' };
  return { ok: true, real };
}

interface CachedBytes {
  bytes: Buffer<ArrayBuffer>;
  mtimeMs: number;
  size: number;
}

/**
 * The bytes of every file read through `readInsideRoot`, by real path, kept while the file's modification time and
 * size stay the same. An embedded file is read by the content check (is it UTF-8?), by the page of each language that
 * embeds it, by its Markdown twin and by its download; with this it is read from disk once per build, and again
 * under `astro dev` only after it changed.
 * Process state (src/lib/process-state.ts): the check and the Markdown plugins run in modules loaded with
 * astro.config.mjs, the download route and the twins in modules that Vite loads for the pages.
 */
const bytesCache = processState('content-file-bytes', () => new Map<string, CachedBytes>());

/** Reads a file that must stay inside the content root; throws one line when it may not be read. */
export function readInsideRoot(root: string, path: string): Buffer<ArrayBuffer> {
  const resolved = resolveInsideRoot(root, path);
  if (!resolved.ok) throw new Error(`${path}: ${resolved.reason}`);
  const { mtimeMs, size } = statSync(resolved.real);
  const cached = bytesCache.get(resolved.real);
  if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.bytes;
  const bytes = readFileSync(resolved.real);
  bytesCache.set(resolved.real, { bytes, mtimeMs, size });
  return bytes;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Names an encoding for an author: chardet's best guess, with the everyday name for GB18030. */
function guessEncoding(bytes: Uint8Array): string | undefined {
  const guess = chardet.detect(bytes);
  if (!guess) return undefined;
  return guess === 'GB18030' ? 'GB18030/GBK' : guess;
}

/**
 * A text file's content, or why it is not UTF-8 text. A UTF-8 BOM is removed; UTF-16 (with or without a BOM) and
 * legacy encodings such as GBK are refused with their name, so the author knows what to convert from.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { reason: string } {
  const save = 'save it as UTF-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { reason: `is saved as UTF-16 (little endian); ${save}` };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { reason: `is saved as UTF-16 (big endian); ${save}` };
  if (bytes.includes(0)) {
    const guess = guessEncoding(bytes);
    return { reason: guess?.startsWith('UTF-16') || guess?.startsWith('UTF-32') ? `is saved as ${guess}; ${save}` : `is not a text file (it contains NUL bytes); ${save}` };
  }
  try {
    return { text: UTF8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    const guess = guessEncoding(bytes);
    return { reason: `is not valid UTF-8${guess && guess !== 'UTF-8' ? ` (it looks like ${guess})` : ''}; ${save}` };
  }
}
