/**
 * The folder layout of a content root, in one place: which file is what kind of entry, the id each file gives its
 * entry, which collection holds each kind, the walk, and the per-language file rule (zh.md, en.md).
 * Read by the content check (src/lib/content-check.ts), whose reading feeds the collections (src/lib/content-loader.ts,
 * src/content.config.ts) and, through them, the downloads route (src/pages/files/[...path].ts).
 *
 *   tags.yaml
 *   conferences/<conference-id>/conference.yaml, zh.md, en.md, any assets below
 *   talks/<conference-id>/<talk-id>/talk.yaml, zh.md, en.md
 *   speakers/<speaker-id>.yaml
 *   guides/<guide-id>/guide.yaml, zh.md, en.md, files/… (embedded files)
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type Lang } from './site-constants.ts';
import { isInside } from './content-files.ts';

/** An id: the folder or file name of an entry, lowercase letters, digits and single hyphens ("dave-cheney"). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A clock time of the conference's day, "HH:MM" on a 24-hour clock. */
export const CLOCK_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

export type Kind = 'conference' | 'summary' | 'talk' | 'review' | 'speaker' | 'tags' | 'guide' | 'guideText';

/** A language's text of an entry: zh.md or en.md, beside the entry's YAML. */
export const LANG_FILE = new RegExp(`^(${LANGS.join('|')})\\.md$`);

export const TAGS_FILE = 'tags.yaml';

/** Each collection: the kind of entry it holds, and the section folder of the root its ids are relative to. */
export const COLLECTION_FILES = {
  conferences: { kind: 'conference', base: 'conferences' },
  summaries: { kind: 'summary', base: 'conferences' },
  talks: { kind: 'talk', base: 'talks' },
  reviews: { kind: 'review', base: 'talks' },
  speakers: { kind: 'speaker', base: 'speakers' },
  guides: { kind: 'guide', base: 'guides' },
  guideTexts: { kind: 'guideText', base: 'guides' },
} as const satisfies Record<string, { kind: Kind; base: string }>;

/** Kinds whose files are Markdown, one per language; the others are YAML. */
const TEXT_KINDS: ReadonlySet<Kind> = new Set(['summary', 'review', 'guideText']);

/**
 * The collection id of the entry a file holds, from its path inside its section folder: the folder for conferences
 * and guides, the file name for speakers, "<folder>/<lang>" for a language's text (as the collections key texts).
 * Talk ids are unique per conference only (a "keynote" every year), so a talk's collection id is its folder path
 * ("gopherchina-2016/baidu-bfe") and a review's "<that path>/<lang>"; src/data/site.ts gives the talk its own id,
 * the folder name, back.
 */
export function entryId(kind: Kind, pathInSection: string): string {
  const parts = pathInSection.split('/');
  const name = parts.at(-1)!;
  if (kind === 'speaker') return name.replace(/\.ya?ml$/, '');
  if (kind === 'tags') return 'tags';
  if (kind === 'talk') return parts.slice(0, -1).join('/');
  if (kind === 'review') return `${parts.slice(0, -1).join('/')}/${name.replace(/\.md$/, '')}`;
  const folder = parts.at(-2)!;
  return TEXT_KINDS.has(kind) ? `${folder}/${name.replace(/\.md$/, '')}` : folder;
}

export type Placement =
  /** An entry's file: its kind, the entry's id (the folder or file name), its language for a text. */
  | { kind: Kind; id: string; lang?: Lang; format: 'yaml' | 'markdown' }
  /** A file that belongs to an entry without being one: a guide's embedded files, a conference's images. */
  | { kind: 'asset' };

/** What a file is, from its path's parts under the content root; undefined for a file that fits no rule. */
export function classify(parts: readonly string[]): Placement | undefined {
  const name = parts.at(-1)!;
  const folder = parts.at(-2) ?? '';
  const lang = LANG_FILE.exec(name)?.[1] as Lang | undefined;
  const [section] = parts;
  const yaml = (kind: Kind, id = folder): Placement => ({ kind, id, format: 'yaml' });
  const text = (kind: Kind): Placement => ({ kind, id: folder, lang, format: 'markdown' });
  if (parts.length === 1 && name === TAGS_FILE) return yaml('tags', 'tags');
  if (section === 'conferences' && parts.length === 3 && name === 'conference.yaml') return yaml('conference');
  if (section === 'conferences' && parts.length === 3 && lang) return text('summary');
  if (section === 'talks' && parts.length >= 3 && name === 'talk.yaml') return yaml('talk');
  if (section === 'talks' && parts.length >= 3 && lang) return text('review');
  if (section === 'speakers' && parts.length === 2 && /\.ya?ml$/.test(name)) return yaml('speaker', name.replace(/\.ya?ml$/, ''));
  if (section === 'guides' && parts.length === 3 && name === 'guide.yaml') return yaml('guide');
  if (section === 'guides' && parts.length === 3 && lang) return text('guideText');
  // Files a guide embeds (files/...) are checked where they are referenced; assets beside a conference are allowed.
  if ((section === 'guides' || section === 'conferences') && parts.length > 3) return { kind: 'asset' };
  return undefined;
}

/** A file found under the root, or a symbolic link that is not followed and why. */
export type FoundFile = { path: string } | { path: string; problem: string };

/**
 * Every file under a folder, dot files and dot folders left out (as Astro's glob loader left them out). Symbolic
 * links are followed only while their real path stays inside `realRoot` (the real path of the content root); a link
 * that leaves it, or whose target is missing, comes back with its problem and is never read.
 */
export function walkContent(dir: string, realRoot = realpathSync(dir), seen = new Set<string>()): FoundFile[] {
  if (!existsSync(dir)) return [];
  const real = realpathSync(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): FoundFile[] => {
    if (entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (lstatSync(path).isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(path);
      } catch {
        return [{ path, problem: 'is a symbolic link whose target does not exist' }];
      }
      if (!isInside(realRoot, target)) return [{ path, problem: `is a symbolic link to ${target}, outside the content root; only files inside it are published` }];
      return statSync(target).isDirectory() ? walkContent(path, realRoot, seen) : [{ path }];
    }
    return entry.isDirectory() ? walkContent(path, realRoot, seen) : [{ path }];
  });
}
