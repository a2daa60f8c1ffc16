/**
 * `npm run new -- talk|speaker|conference|guide ...`: scaffolds a valid bilingual entry under the content root with
 * TODO markers where the prose goes, never overwrites a file, and prints what to fill next.
 * `npm run new -- todo` lists the TODO markers left. Run with no arguments for the usage.
 *
 * The files come from scripts/lib/scaffold.ts; this script only reads the content root, checks the arguments against it
 * (ids, speakers, tags, a free time slot) and writes. After writing it runs the content check over the new files,
 * and removes them again if the check finds anything wrong with them.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/lib/config.ts';
import { formatError, readContent, validateContent, type RawContent } from '../src/lib/content-check.ts';
import { localizedUrl, RESERVED_IDS, type Route } from '../src/lib/paths.ts';
import {
  conferenceFiles,
  firstFreeSlot,
  guideFiles,
  ID_PATTERN,
  isClock,
  speakerFiles,
  talkFiles,
  todoLines,
  type ScaffoldFile,
} from './lib/scaffold.ts';
import { dayCount, minutes, overlaps, type Timed } from '../src/lib/schedule.ts';
import { LANGS, type Lang } from '../src/lib/schema.ts';

const USAGE = `Usage: npm run new -- <kind> <id...> [options]

  talk <conference> <talk-id> --speaker <id> [--speaker <id>] [--tag <id>]...
       [--day N --start HH:MM --end HH:MM | --minutes 45] [--room main]
       [--title-zh "..."] [--title-en "..."] [--only zh|en]
  speaker <speaker-id> [--name-zh "..."] [--name-en "..."]
  conference <conference-id> [--start YYYY-MM-DD] [--days 2] [--offset +08:00] [--name-zh "..."] [--name-en "..."]
  guide <guide-id> [--conference <id>] [--published YYYY-MM-DD]
  todo                      list the TODO markers left under the content root

  --root <folder>           content root (default: CONFNOTES_CONTENT, then confnotes.config.json, then content)

Ids are lowercase letters, digits and single hyphens. Existing files are never overwritten.`;

class UsageError extends Error {}
class Refused extends Error {}

const today = (): string => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

function requireId(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`missing ${what}`);
  if (!ID_PATTERN.test(value)) throw new Refused(`${what} "${value}" must be lowercase letters, digits and single hyphens (e.g. "dave-cheney")`);
  return value;
}

const ids = (content: RawContent, kind: string) => new Set(content.entries.filter((entry) => entry.kind === kind).map((entry) => entry.id));
const dataOf = (content: RawContent, kind: string, id: string) =>
  content.entries.find((entry) => entry.kind === kind && entry.id === id)?.data as any;

function tagIds(content: RawContent): Set<string> {
  const tags = content.entries.find((entry) => entry.kind === 'tags')?.data;
  return new Set(Array.isArray(tags) ? tags.map((tag) => tag?.id).filter((id): id is string => typeof id === 'string') : []);
}

type Options = Record<string, string | string[] | boolean | undefined>;
const one = (options: Options, name: string): string | undefined => {
  const value = options[name];
  return Array.isArray(value) ? value.at(-1) : typeof value === 'string' ? value : undefined;
};
const many = (options: Options, name: string): string[] => {
  const value = options[name];
  return (Array.isArray(value) ? value : typeof value === 'string' ? [value] : [])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
};

function planTalk(content: RawContent, root: string, positional: string[], options: Options): ScaffoldFile[] {
  const conference = requireId(positional[0], 'conference id');
  const id = requireId(positional[1], 'talk id');
  const conf = dataOf(content, 'conference', conference);
  if (!conf) throw new Refused(`no conference "${conference}" in ${root}/conferences/ (scaffold it first: npm run new -- conference ${conference})`);
  const idTaken = content.entries.some((entry) => entry.kind === 'talk' && entry.id === id && (entry.data as { conference?: unknown } | undefined)?.conference === conference);
  if (idTaken) throw new Refused(`a talk "${id}" already exists in ${conference} (talk ids are unique within a conference)`);

  const speakers = many(options, 'speaker');
  if (speakers.length === 0) throw new UsageError('a talk needs at least one --speaker <id>');
  const knownSpeakers = ids(content, 'speaker');
  const unknownSpeakers = speakers.filter((speaker) => !knownSpeakers.has(speaker));
  if (unknownSpeakers.length > 0) {
    throw new Refused(
      `unknown speaker${unknownSpeakers.length > 1 ? 's' : ''} ${unknownSpeakers.map((s) => `"${s}"`).join(', ')}: scaffold ${unknownSpeakers.length > 1 ? 'them' : 'it'} first with ${unknownSpeakers.map((s) => `npm run new -- speaker ${s}`).join(' and ')}`,
    );
  }
  const tags = many(options, 'tag');
  const knownTags = tagIds(content);
  const unknownTags = tags.filter((tag) => !knownTags.has(tag));
  if (unknownTags.length > 0)
    throw new Refused(
      `unknown tag${unknownTags.length > 1 ? 's' : ''} ${unknownTags.map((t) => `"${t}"`).join(', ')}: add ${unknownTags.length > 1 ? 'them' : 'it'} to ${root}/tags.yaml first`,
    );

  const only = one(options, 'only');
  if (only && only !== 'zh' && only !== 'en') throw new UsageError('--only takes zh or en');
  const room = one(options, 'room') ?? 'main';
  const days = typeof conf.start === 'string' && typeof conf.end === 'string' ? dayCount(conf) : 1;
  const taken: Timed[] = [
    ...content.entries
      .filter((entry) => entry.kind === 'talk' && (entry.data as any)?.conference === conference && ((entry.data as any)?.room ?? 'main') === room)
      .map((entry) => entry.data as Timed),
    ...(Array.isArray(conf.slots) ? (conf.slots as Timed[]) : []),
  ].filter((item) => item && isClock(String(item.start)) && isClock(String(item.end)));

  let slot: Timed | undefined;
  const [day, start, end] = [one(options, 'day'), one(options, 'start'), one(options, 'end')];
  if (day || start || end) {
    if (!day || !start || !end) throw new UsageError('give --day, --start and --end together (or none, to take the first free slot)');
    if (!/^\d+$/.test(day) || Number(day) < 1 || Number(day) > days) throw new Refused(`--day must be 1 to ${days} (the conference's days)`);
    if (!isClock(start) || !isClock(end)) throw new Refused('--start and --end must be 24-hour times "HH:MM"');
    if (minutes(end) <= minutes(start)) throw new Refused(`--end must be after --start ${start}`);
    slot = { day: Number(day), start, end };
    const clash = taken.find((other) => overlaps(slot!, other));
    if (clash) throw new Refused(`day ${day} ${start}-${end} in room "${room}" clashes with ${clash.start}-${clash.end}`);
  } else {
    const length = Number(one(options, 'minutes') ?? 45);
    if (!Number.isInteger(length) || length < 5) throw new UsageError('--minutes must be a whole number of at least 5');
    slot = firstFreeSlot(taken, days, length);
    if (!slot) throw new Refused(`no free ${length}-minute slot between 09:00 and 18:00 in room "${room}"; give --day, --start and --end`);
  }
  return talkFiles({
    conference,
    id,
    speakers,
    tags,
    slot,
    room,
    titleZh: one(options, 'title-zh'),
    titleEn: one(options, 'title-en'),
    only: only as Lang | undefined,
  });
}

function planSpeaker(content: RawContent, root: string, positional: string[], options: Options): ScaffoldFile[] {
  const id = requireId(positional[0], 'speaker id');
  if (ids(content, 'speaker').has(id)) throw new Refused(`a speaker "${id}" already exists in ${root}/speakers/`);
  return speakerFiles({ id, nameZh: one(options, 'name-zh'), nameEn: one(options, 'name-en') });
}

function planConference(content: RawContent, root: string, positional: string[], options: Options): ScaffoldFile[] {
  const id = requireId(positional[0], 'conference id');
  if ((RESERVED_IDS as readonly string[]).includes(id))
    throw new Refused(`"${id}" is reserved for a site page (${RESERVED_IDS.join(', ')}); pick another id`);
  if (ids(content, 'conference').has(id)) throw new Refused(`a conference "${id}" already exists in ${root}/conferences/`);
  const start = one(options, 'start') ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(Date.parse(start))) throw new Refused('--start must be a date "YYYY-MM-DD"');
  const days = Number(one(options, 'days') ?? 1);
  if (!Number.isInteger(days) || days < 1 || days > 14) throw new Refused('--days must be a whole number from 1 to 14');
  const offset = one(options, 'offset') ?? '+08:00';
  if (!/^[+-]\d{2}:\d{2}$/.test(offset)) throw new Refused('--offset must look like +08:00');
  return conferenceFiles({ id, start, days, offset, nameZh: one(options, 'name-zh'), nameEn: one(options, 'name-en') });
}

function planGuide(content: RawContent, root: string, positional: string[], options: Options): ScaffoldFile[] {
  const id = requireId(positional[0], 'guide id');
  if (ids(content, 'guide').has(id)) throw new Refused(`a guide "${id}" already exists in ${root}/guides/`);
  const conference = one(options, 'conference');
  if (conference && !ids(content, 'conference').has(conference)) throw new Refused(`no conference "${conference}" in ${root}/conferences/`);
  const published = one(options, 'published') ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(published) || Number.isNaN(Date.parse(published))) throw new Refused('--published must be a date "YYYY-MM-DD"');
  return guideFiles({ id, conference, published });
}

/** The page a new entry shows up on, for the preview hint. */
function previewRoute(kind: keyof typeof PLANS, positional: string[]): Route | undefined {
  const [first, second] = positional;
  if (kind === 'talk') return { kind: 'talk', conference: first, talk: second };
  if (kind === 'speaker') return { kind: 'speaker', speaker: first };
  if (kind === 'conference') return { kind: 'conference', conference: first };
  return { kind: 'guide', guide: first };
}

const PLANS = { talk: planTalk, speaker: planSpeaker, conference: planConference, guide: planGuide } as const;

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

function listTodos(root: string): number {
  let count = 0;
  for (const file of walk(resolve(root)).sort()) {
    if (!/\.(?:ya?ml|md)$/.test(file)) continue;
    for (const { line, text } of todoLines(readFileSync(file, 'utf8'))) {
      console.log(`${root}/${relative(resolve(root), file).split(sep).join('/')}:${line}: ${text}`);
      count++;
    }
  }
  console.log(count === 0 ? `no TODO markers left in ${root}/` : `${count} TODO marker${count === 1 ? '' : 's'} left in ${root}/`);
  return count;
}

/** Writes the files with O_EXCL, so a file that appeared in the meantime is not overwritten either. */
function writeAll(root: string, files: ScaffoldFile[]): string[] {
  const written: string[] = [];
  try {
    for (const file of files) {
      const path = resolve(root, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text, { flag: 'wx' });
      written.push(path);
    }
  } catch (error) {
    removeAll(root, written);
    throw error;
  }
  return written;
}

/** Removes files this run wrote, and the folders it left empty (up to the content root). */
function removeAll(root: string, paths: string[]) {
  const top = resolve(root);
  for (const path of paths) {
    rmSync(path, { force: true });
    for (let dir = dirname(path); dir.startsWith(top + sep) && readdirSync(dir).length === 0; dir = dirname(dir)) rmdirSync(dir);
  }
}

export function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        speaker: { type: 'string', multiple: true },
        tag: { type: 'string', multiple: true },
        day: { type: 'string' },
        start: { type: 'string' },
        end: { type: 'string' },
        minutes: { type: 'string' },
        room: { type: 'string' },
        'title-zh': { type: 'string' },
        'title-en': { type: 'string' },
        only: { type: 'string' },
        'name-zh': { type: 'string' },
        'name-en': { type: 'string' },
        days: { type: 'string' },
        offset: { type: 'string' },
        conference: { type: 'string' },
        published: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`new: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [kind, ...rest] = positionals;
  if (values.help || !kind) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const root = (values.root ?? contentRoot()).replace(/\/+$/, '') || 'content';
  if (kind === 'todo') {
    listTodos(root);
    return 0;
  }
  if (!(kind in PLANS)) {
    console.error(`new: unknown kind "${kind}" (talk, speaker, conference, guide or todo)\n\n${USAGE}`);
    return 2;
  }
  if (!existsSync(root)) {
    console.error(`new: the content root ${root}/ does not exist`);
    return 1;
  }

  const content = readContent(root);
  let files: ScaffoldFile[];
  try {
    files = PLANS[kind as keyof typeof PLANS](content, root, rest, values);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`new ${kind}: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof Refused) {
      console.error(`new ${kind}: ${error.message}; nothing written`);
      return 1;
    }
    throw error;
  }

  const existing = files.filter((file) => existsSync(resolve(root, file.path)));
  if (existing.length > 0) {
    for (const file of existing) console.error(`new ${kind}: ${root}/${file.path} already exists`);
    console.error(`new ${kind}: existing files are never overwritten; nothing written`);
    return 1;
  }

  const written = writeAll(root, files);
  // The scaffold must be valid content; if the check objects to a new file, take the new files back.
  const mine = new Set(written.map((path) => relative(process.cwd(), path).split(sep).join('/')));
  const errors = validateContent(readContent(root)).filter((error) => mine.has(error.file));
  if (errors.length > 0) {
    removeAll(root, written);
    for (const error of errors) console.error(`content error: ${formatError(error)}`);
    console.error(`new ${kind}: the scaffold did not pass the content check; nothing written`);
    return 1;
  }

  console.log(`Created ${written.length} file${written.length === 1 ? '' : 's'}:`);
  for (const file of files) console.log(`  ${root}/${file.path}`);
  console.log('\nFill in next:');
  for (const file of files) console.log(`  ${root}/${file.path}: ${file.todo.join('; ')}`);
  const page = previewRoute(kind as keyof typeof PLANS, rest);
  const where = page ? `, at ${LANGS.map((lang) => localizedUrl('/', lang, page)).join(' and ')}` : '';
  console.log(`\nEvery TODO is valid content, so the site builds as it is: preview it with \`npm run dev\`${where}.`);
  console.log('`npm run new -- todo` lists the TODO markers left; `npm run check` validates the whole content root.');
  return 0;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
