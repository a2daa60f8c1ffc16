/**
 * Build settings shared by astro.config.mjs, the content config and the scripts. Each one comes from the environment
 * first, then from `confnotes.config.json` at the project root (optional), then a default:
 *   CONFNOTES_CONTENT / "content"  the content root (default "content")
 *   CONFNOTES_BASE    / "base"     the sub-path to deploy under (default "/")
 *   CONFNOTES_SITE    / "site"     the absolute origin used for canonical and alternate links
 * The environment wins so that tests and benchmarks can point one checkout at many notes folders.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Env = Record<string, string | undefined>;

/** What confnotes.config.json may hold. Paths are relative to the project root. */
export interface FileConfig {
  content?: string;
  base?: string;
  site?: string;
}

export const CONFIG_FILE = 'confnotes.config.json';
const KEYS = ['content', 'base', 'site'] as const;

/** Checks the parsed file; throws one line per mistake, like the content check. */
export function parseConfig(text: string, file = CONFIG_FILE): FileConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: (file): invalid JSON: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${file}: (file): must be a JSON object`);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (!(KEYS as readonly string[]).includes(key)) lines.push(`${file}: ${key}: unknown setting (known: ${KEYS.join(', ')})`);
    else if (typeof value !== 'string' || value.trim() === '') lines.push(`${file}: ${key}: must be a non-empty string`);
  }
  if (lines.length > 0) throw new Error(lines.join('\n'));
  return data as FileConfig;
}

/** Reads confnotes.config.json from the project root (the working directory of `astro build`); none is fine. */
export function readConfigFile(cwd = process.cwd()): FileConfig {
  const path = resolve(cwd, CONFIG_FILE);
  return existsSync(path) ? parseConfig(readFileSync(path, 'utf8')) : {};
}

export const contentRoot = (env: Env = process.env, file: FileConfig = readConfigFile()): string =>
  (env.CONFNOTES_CONTENT ?? file.content ?? 'content').replace(/\/+$/, '') || 'content';

export function basePath(env: Env = process.env, file: FileConfig = readConfigFile()): string {
  const raw = (env.CONFNOTES_BASE ?? file.base ?? '/').trim();
  const inner = raw.replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}

export const siteUrl = (env: Env = process.env, file: FileConfig = readConfigFile()): string =>
  env.CONFNOTES_SITE ?? file.site ?? 'https://confnotes.example';

/** Astro's cache folder (CONFNOTES_CACHE lets parallel builds keep separate ones); share cards are cached under it. */
export const cacheDir = (env: Env = process.env): string => env.CONFNOTES_CACHE ?? './node_modules/.astro';

/**
 * Whether the build draws share cards (src/lib/share-card.ts). On unless CONFNOTES_SHARE_CARDS=off, which leaves out
 * the card images and their og:image tags: for sites that do not want them, and for `npm run bench` to measure a
 * build without cards.
 */
export const shareCardsEnabled = (env: Env = process.env): boolean => env.CONFNOTES_SHARE_CARDS !== 'off';
