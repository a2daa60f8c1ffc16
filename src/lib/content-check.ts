/**
 * Validates the content root before Astro sees it, and reports every mistake as one line:
 *   content/talks/gopherchina-2016/foo/talk.yaml: speakers[0]: unknown speaker "nobody"
 * Astro's own schema errors span many lines and its `reference()` accepts ids that do not exist, so this check
 * covers both, plus what no schema can see: duplicate ids across folders, missing translations, clashing slots,
 * embedded files that are missing.
 *
 * `readContent` does the I/O; `validateContent` is pure over what it read, so tests can feed it objects.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, posix, relative, resolve, sep } from 'node:path';
import { z } from 'astro/zod';
import {
  conferenceSchema,
  guideSchema,
  guideTextSchema,
  LANGS,
  reviewSchema,
  speakerSchema,
  summarySchema,
  tagSchema,
  talkSchema,
  SESSION_KINDS,
  SPONSOR_TIERS,
  type Lang,
} from './schema.ts';
import { classify, ID_PATTERN, walkContent, type Kind } from './content-layout.ts';
import { RESERVED_IDS } from './paths.ts';
import { dayCount, minutes, offsetMinutes, offsetOf, overlaps, zoneOffsetAt } from './schedule.ts';
import { embeddedFiles } from './embed.ts';
import { markdownProblems } from './markdown-check.ts';
import { decodeText, readInsideRoot, resolveInsideRoot } from './content-files.ts';
import { parseYamlText, type YamlProblem } from './content-yaml.ts';

export interface ContentError {
  file: string;
  field: string;
  reason: string;
}

export const formatError = (error: ContentError): string => `${error.file}: ${error.field}: ${error.reason}`;

/** A file as read: its path relative to the project root, parsed data, Markdown body, or a parse error. */
export interface RawFile {
  file: string;
  data?: unknown;
  body?: string;
  /** The file line the Markdown body starts on, to point at lines inside it. */
  bodyLine?: number;
  error?: ContentError;
  /** Problems found while parsing that do not stop the checks (an unquoted date that does not exist). */
  problems?: ContentError[];
}

export type { Kind };

export interface RawEntry extends RawFile {
  kind: Kind;
  /** The entry's id, from its path: folder name for talks, conferences and guides; file name for speakers. */
  id: string;
  lang?: Lang;
  /** The file's absolute path (under the root, as walked: a linked folder keeps the link's name). */
  path?: string;
  /** The file's text as read (UTF-8, BOM removed), for the loaders' digests. */
  text?: string;
}

export interface RawContent {
  /** The content root relative to the project root, e.g. "content". */
  root: string;
  entries: RawEntry[];
  /** Files under the root that fit no pattern. */
  unknown: string[];
  /**
   * Whether a file referenced by Markdown (an embed, an image; relative to the project root) may be published: true,
   * false when it does not exist, or the reason it may not be (a link out of the content root).
   */
  exists: (file: string) => boolean | string;
  /** Why an embedded file (shown as text on the page) cannot be read as UTF-8, if it cannot. */
  textProblem?: (file: string) => string | undefined;
  /** A problem with the root itself (missing, empty): reported alone, since nothing else can be checked. */
  rootError?: ContentError;
  /** Files whose symbolic link leaves the content root, or that cannot be read as UTF-8 text. */
  fileErrors?: ContentError[];
}

// ---------- reading ----------

const asErrors = (file: string, problems: YamlProblem[]): ContentError[] => problems.map((problem) => ({ file, ...problem }));

/** Splits YAML front matter from a Markdown file; reports unclosed front matter or invalid YAML. */
export function parseMarkdown(file: string, text: string): RawFile {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!source.startsWith('---\n')) return { file, data: {}, body: source, bodyLine: 1 };
  const close = source.indexOf('\n---', 3);
  const closeEnd = close === -1 ? -1 : source.indexOf('\n', close + 4);
  const closingLine = close === -1 ? '' : source.slice(close + 1, closeEnd === -1 ? undefined : closeEnd);
  if (close === -1 || closingLine.trim() !== '---') {
    return { file, error: { file, field: 'front matter', reason: 'front matter opened with "---" is never closed' } };
  }
  const parsed = parseYamlText(source.slice(4, close + 1), 2);
  if ('error' in parsed) return { file, error: { file, ...parsed.error } };
  return {
    file,
    data: parsed.data ?? {},
    problems: asErrors(file, parsed.problems),
    body: closeEnd === -1 ? '' : source.slice(closeEnd + 1),
    bodyLine: source.slice(0, closeEnd + 1).split('\n').length,
  };
}

function parseYamlFile(file: string, text: string): RawFile {
  const parsed = parseYamlText(text.replace(/\r\n?/g, '\n'));
  if ('error' in parsed) return { file, error: { file, ...parsed.error } };
  if (parsed.data === null || parsed.data === undefined) return { file, error: { file, field: '(file)', reason: 'is empty' } };
  return { file, data: parsed.data, problems: asErrors(file, parsed.problems) };
}

/** Names a file may be misspelled as (talk.yml, Talk.yaml): read as the file it was meant to be, and said once. */
const META_FILES = ['conference.yaml', 'talk.yaml', 'guide.yaml', 'tags.yaml'];
const meantAs = (name: string): string | undefined => {
  const normal = name.toLowerCase().replace(/\.yml$/, '.yaml');
  return normal !== name && META_FILES.includes(normal) ? normal : undefined;
};

/** What reading one file under the root gave: an entry, a file that fits no rule, an unreadable file, or nothing. */
type FileReading = { entry: RawEntry } | { unknown: string } | { fileError: ContentError } | undefined;

/**
 * Reads one file found under the root (`abs`, inside `absRoot`; `file` its path relative to the project root) and
 * parses it as the kind its path says. `kinds`, when given, limits the reading to files of those kinds: the others
 * come back as nothing, unread. The content check and the collections' loaders (src/lib/content-loader.ts) both
 * read through here, so a file means the same thing to both.
 */
function readFoundFile(absRoot: string, abs: string, file: string, kinds?: ReadonlySet<Kind>): FileReading {
  const parts = relative(absRoot, abs).split(sep);
  const written = parts.at(-1)!;
  const meant = meantAs(written);
  const place = classify(meant ? [...parts.slice(0, -1), meant] : parts);
  if (place?.kind === 'asset') return undefined;
  if (kinds && (!place || meant || !kinds.has(place.kind))) return undefined;
  let textError: ContentError | undefined;
  let text = '';
  if (place || /\.(ya?ml|md)$/i.test(written)) {
    const decoded = decodeText(readFileSync(abs));
    if ('reason' in decoded) textError = { file, field: '(file)', reason: decoded.reason };
    else text = decoded.text;
  }
  if (!place) return textError ? { fileError: textError } : { unknown: file };
  const lang = place.lang ? { lang: place.lang } : {};
  if (meant) {
    // Entered under the name it was meant to have, so its siblings do not report it missing.
    return { entry: { kind: place.kind, id: place.id, ...lang, file: `${dirname(file)}/${meant}`, error: { file, field: '(file)', reason: `must be named "${meant}"` } } };
  }
  // A file that is not UTF-8 still counts as present, so its siblings do not report it missing.
  const parsed = textError ? { file, error: textError } : place.format === 'yaml' ? parseYamlFile(file, text) : parseMarkdown(file, text);
  return { entry: { kind: place.kind, id: place.id, ...lang, path: abs, ...(textError ? {} : { text }), ...parsed } };
}

/**
 * Reads every file under the content root and sorts it into kinds by its path. With `kinds`, only the files of those
 * kinds are read (a loader reading its own collection when no check ran before it); the rest are passed over unread.
 */
export function readContent(root: string, cwd = process.cwd(), kinds?: ReadonlySet<Kind>): RawContent {
  const absRoot = resolve(cwd, root);
  const entries: RawEntry[] = [];
  const unknown: string[] = [];
  const fileErrors: ContentError[] = [];
  const rel = (abs: string) => relative(cwd, abs).split(sep).join('/') || '.';
  let realRoot: string | undefined;
  try {
    realRoot = statSync(absRoot).isDirectory() ? realpathSync(absRoot) : undefined;
  } catch {
    realRoot = undefined;
  }
  const exists = (file: string): boolean | string => {
    if (!realRoot) return false;
    const resolved = resolveInsideRoot(absRoot, resolve(cwd, file));
    return resolved.ok ? true : resolved.reason === 'does not exist' ? false : resolved.reason;
  };
  // Read through the content-file cache, so that the page that embeds the file and its download use these bytes.
  const textProblem = (file: string): string | undefined => {
    const decoded = decodeText(readInsideRoot(absRoot, resolve(cwd, file)));
    return 'reason' in decoded ? decoded.reason : undefined;
  };
  if (!realRoot) {
    const what = existsSync(absRoot) ? 'is not a folder' : 'does not exist';
    const reason = `the content root ${what}${root === 'content' ? '' : ' (set by CONFNOTES_CONTENT or confnotes.config.json)'}`;
    return { root, entries, unknown, exists, rootError: { file: root, field: '(folder)', reason } };
  }
  for (const found of walkContent(absRoot, realRoot).sort((a, b) => a.path.localeCompare(b.path))) {
    const file = rel(found.path);
    if ('problem' in found) {
      fileErrors.push({ file, field: '(file)', reason: found.problem });
      continue;
    }
    const reading = readFoundFile(absRoot, found.path, file, kinds);
    if (!reading) continue;
    if ('entry' in reading) entries.push(reading.entry);
    else if ('unknown' in reading) unknown.push(reading.unknown);
    else fileErrors.push(reading.fileError);
  }
  if (kinds) return { root, entries, unknown, exists, textProblem, fileErrors };
  if (!entries.some((entry) => entry.kind === 'conference')) {
    const rootError = { file: root, field: '(folder)', reason: `no conferences under ${root}/conferences (each is ${root}/conferences/<id>/conference.yaml)` };
    if (entries.length === 0 && unknown.length === 0 && fileErrors.length === 0) return { root, entries, unknown, exists, rootError };
    fileErrors.unshift(rootError);
  }
  return { root, entries, unknown, exists, textProblem, fileErrors };
}

// ---------- validating ----------

/** Zod's issue path as an author reads it: speakers[0], title.en. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(file)';
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function issueReason(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input instanceof Date) {
    // js-yaml (Astro's YAML parser) reads an unquoted 2016-04-16T09:00:00+08:00 as a Date in UTC, losing the offset.
    return `is an unquoted date, which YAML turns into a moment in UTC; put it in quotes, e.g. "2016-04-16T09:00:00+08:00"`;
  }
  if (issue.code === 'invalid_type') return `must be ${issue.expected}, got ${issue.input === null ? 'null' : Array.isArray(issue.input) ? 'array' : typeof issue.input}`;
  return issue.message.replace(/^Invalid input: /, '');
}

const SCHEMAS = {
  conference: conferenceSchema,
  summary: summarySchema,
  talk: talkSchema,
  review: reviewSchema,
  speaker: speakerSchema,
  guide: guideSchema,
  guideText: guideTextSchema,
  tags: z.array(z.unknown()),
} as const;


/** Parent kinds own the id; their Markdown files share the folder and would only repeat its problems. */
const ID_KINDS: ReadonlySet<Kind> = new Set(['conference', 'talk', 'speaker', 'guide']);

/**
 * The fields of an object that are valid on their own, when the whole is not: an entry with a bad `start` still has
 * its speakers checked, so one pass reports every mistake.
 */
function validFields(schema: z.ZodType, data: unknown): Record<string, unknown> {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape || typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const result = field.safeParse((data as Record<string, unknown>)[key]);
    if (result.success) out[key] = result.data;
  }
  return out;
}

export function validateContent(content: RawContent): ContentError[] {
  if (content.rootError) return [content.rootError];
  const errors: ContentError[] = [...(content.fileErrors ?? [])];
  const push = (file: string, field: string, reason: string) => errors.push({ file, field, reason });

  for (const file of content.unknown) {
    push(file, '(file)', 'not a known content file (expected conference.yaml, talk.yaml, guide.yaml, <id>.yaml under speakers/, tags.yaml, zh.md or en.md)');
  }

  // Parse errors first; entries that fail to parse are not checked further. Entries that fail their schema keep
  // their valid fields, which are checked like any other.
  const parsed: Array<RawEntry & { value: any; complete: boolean }> = [];
  for (const entry of content.entries) {
    if (entry.error) {
      errors.push(entry.error);
      continue;
    }
    errors.push(...(entry.problems ?? []));
    if (ID_KINDS.has(entry.kind) && !ID_PATTERN.test(entry.id)) {
      push(entry.file, '(id)', `id "${entry.id}" (from the ${entry.kind === 'speaker' ? 'file' : 'folder'} name) must be lowercase letters, digits and single hyphens`);
      continue;
    }
    const schema = SCHEMAS[entry.kind];
    const result = schema.safeParse(entry.data ?? {}, { reportInput: true });
    if (!result.success) {
      // A field the YAML reading already reported (an unquoted date that does not exist) is not reported twice.
      const reported = new Set((entry.problems ?? []).map((problem) => problem.field));
      for (const issue of result.error.issues) if (!reported.has(fieldPath(issue.path))) push(entry.file, fieldPath(issue.path), issueReason(issue));
      if (entry.kind !== 'tags') parsed.push({ ...entry, value: validFields(schema, entry.data), complete: false });
      continue;
    }
    parsed.push({ ...entry, value: result.data, complete: true });
  }

  const of = (kind: Kind) => parsed.filter((entry) => entry.kind === kind);

  // Duplicate ids: the same id in two places of one collection. Talks are keyed by conference: a "keynote" every
  // year is ordinary in an archive.
  const duplicates = (kind: Kind, label: string, scope: (entry: RawEntry) => string = () => '') => {
    const seen = new Map<string, string>();
    for (const entry of content.entries.filter((e) => e.kind === kind)) {
      const key = `${scope(entry)}\u0000${entry.id}`;
      const first = seen.get(key);
      if (first) push(entry.file, '(id)', `duplicate ${label} id "${entry.id}", already used by ${first}`);
      else seen.set(key, entry.file);
    }
  };
  const conferenceOfTalk = (entry: RawEntry) => String((entry.data as { conference?: unknown } | undefined)?.conference ?? '');
  duplicates('conference', 'conference');
  duplicates('talk', 'talk', conferenceOfTalk);
  duplicates('speaker', 'speaker');
  duplicates('guide', 'guide');

  // Tags are checked one by one, so one bad tag does not make every talk that uses another tag fail too.
  const tags = new Map<string, number>();
  for (const entry of of('tags')) {
    (entry.value as unknown[]).forEach((raw, index) => {
      const result = tagSchema.safeParse(raw, { reportInput: true });
      if (!result.success) {
        for (const issue of result.error.issues) push(entry.file, fieldPath([index, ...issue.path]), issueReason(issue));
      }
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return;
      if (tags.has(id)) push(entry.file, `[${index}].id`, `duplicate tag id "${id}", already used by entry [${tags.get(id)}]`);
      else tags.set(id, index);
    });
  }
  // Which files exist in which folder, so that "is there an en.md beside this talk.yaml" is a lookup, not a scan of
  // every entry (at 2,000 talks the scans took longer than the rest of the check's logic).
  const present = new Set(content.entries.map((e) => `${e.kind}:${e.lang ?? ''}:${dirname(e.file)}`));
  const hasBeside = (kind: Kind, dir: string, lang?: Lang) => present.has(`${kind}:${lang ?? ''}:${dir}`);
  const tagsReadable = content.entries.some((e) => e.kind === 'tags') && !content.entries.some((e) => e.kind === 'tags' && e.error);

  // References check ids against every entry that exists, valid or not, so one schema error does not cascade
  // into "unknown conference" lines on every talk that points at it. A missing id used by several files is one
  // line, on the first of them.
  const conferenceIds = new Set(content.entries.filter((e) => e.kind === 'conference').map((e) => e.id));
  const speakers = new Set(content.entries.filter((e) => e.kind === 'speaker').map((e) => e.id));
  const missing = new Map<string, { file: string; field: string; reason: string; others: Set<string> }>();
  const unknownRef = (key: string, file: string, field: string, reason: string) => {
    const seen = missing.get(key);
    if (seen) {
      if (seen.file !== file) seen.others.add(file);
    } else missing.set(key, { file, field, reason, others: new Set() });
  };
  const checkConferenceRef = (file: string, field: string, id: string) => {
    // With no conference at all, "no conferences under …" has already said it.
    if (conferenceIds.size > 0 && !conferenceIds.has(id)) unknownRef(`conference ${id}`, file, field, `unknown conference "${id}"`);
  };

  // Conferences whose dates are unusable: nothing is measured against them, so a typo in `end` is one line.
  const conferences = new Map<string, { file: string; value: any; days: number }>();
  for (const entry of of('conference')) {
    if ((RESERVED_IDS as readonly string[]).includes(entry.id)) push(entry.file, '(id)', `"${entry.id}" is reserved for a site page; rename the folder`);
    const conf = entry.value;
    if (!conf.start || !conf.end) continue;
    if (Date.parse(conf.end) <= Date.parse(conf.start)) {
      push(entry.file, 'end', `must be after start (${conf.start})`);
      continue;
    }
    conferences.set(entry.id, { file: entry.file, value: conf, days: dayCount(conf) });
  }
  // Days past the end: per conference, one line on the talk or slot when it is alone, one line on `end` when many
  // are (then `end` is the likely mistake).
  const lateDays = new Map<string, Array<{ file: string; field: string; day: number }>>();
  const late = (conference: string, file: string, field: string, day: unknown) => {
    const conf = conferences.get(conference);
    if (!conf || typeof day !== 'number' || day <= conf.days) return;
    lateDays.set(conference, [...(lateDays.get(conference) ?? []), { file, field, day }]);
  };
  for (const entry of of('conference')) {
    const conf = entry.value;
    const kinds = new Set<string>([...SESSION_KINDS, ...(conf.kinds ?? []).map((kind: any) => kind.id)]);
    const rooms = new Set<string>((conf.rooms ?? []).map((room: any) => room.id));
    (conf.slots ?? []).forEach((slot: any, index: number) => {
      late(entry.id, entry.file, `slots[${index}].day`, slot.day);
      if (slot.start && slot.end && minutes(slot.end) <= minutes(slot.start)) push(entry.file, `slots[${index}].end`, `must be after start ${slot.start}`);
      if (slot.kind && !kinds.has(slot.kind)) push(entry.file, `slots[${index}].kind`, `unknown kind "${slot.kind}" (known: ${[...kinds].join(', ')}; add others under kinds)`);
      if (slot.room && !rooms.has(slot.room)) push(entry.file, `slots[${index}].room`, `unknown room "${slot.room}" (not in rooms)`);
    });
    const tiers = new Set<string>([...SPONSOR_TIERS, ...(conf.tiers ?? []).map((tier: any) => tier.id)]);
    (conf.sponsors ?? []).forEach((sponsor: any, index: number) => {
      if (!tiers.has(sponsor.tier)) push(entry.file, `sponsors[${index}].tier`, `unknown tier "${sponsor.tier}" (known: ${[...tiers].join(', ')}; add others under tiers)`);
    });
    for (const list of ['rooms', 'kinds', 'tiers'] as const) {
      const seen = new Set<string>();
      (conf[list] ?? []).forEach((item: any, index: number) => {
        if (seen.has(item.id)) push(entry.file, `${list}[${index}].id`, `duplicate id "${item.id}"`);
        seen.add(item.id);
      });
    }
    if (!conferences.has(entry.id)) continue;
    const first = conf.start.slice(0, 10);
    const last = conf.end.slice(0, 10);
    (conf.days ?? []).forEach((day: any, index: number) => {
      if (day.date < first || day.date > last) push(entry.file, `days[${index}].date`, `${day.date} is outside the conference's dates (${first} to ${last})`);
      else if (index > 0 && day.date <= conf.days[index - 1].date) push(entry.file, `days[${index}].date`, `must come after the day before it (${conf.days[index - 1].date})`);
    });
    if (conf.timezone) {
      const expected = zoneOffsetAt(conf.timezone, Date.parse(conf.start));
      if (expected !== offsetMinutes(offsetOf(conf.start))) {
        push(entry.file, 'timezone', `${conf.timezone} is not at offset ${offsetOf(conf.start)} on ${first} (start says so)`);
      }
    }
  }

  // Talks: references, times, slot clashes, reviews in both languages.
  const talksByConference = new Map<string, Array<{ file: string; value: any; id: string }>>();
  for (const entry of of('talk')) {
    const talk = entry.value;
    if (talk.conference) checkConferenceRef(entry.file, 'conference', talk.conference);
    (talk.speakers ?? []).forEach((speaker: string, index: number) => {
      if (!speakers.has(speaker)) unknownRef(`speaker ${speaker}`, entry.file, `speakers[${index}]`, `unknown speaker "${speaker}" (no ${content.root}/speakers/${speaker}.yaml)`);
    });
    if (tagsReadable) {
      (talk.tags ?? []).forEach((tag: string, index: number) => {
        if (!tags.has(tag)) unknownRef(`tag ${tag}`, entry.file, `tags[${index}]`, `unknown tag "${tag}" (not in tags.yaml)`);
      });
    }
    if (talk.start && talk.end && minutes(talk.end) <= minutes(talk.start)) push(entry.file, 'end', `must be after start ${talk.start}`);
    if (talk.conference) late(talk.conference, entry.file, 'day', talk.day);
    const conf = conferences.get(talk.conference)?.value;
    if (conf && talk.kind) {
      const kinds = [...SESSION_KINDS, ...(conf.kinds ?? []).map((kind: any) => kind.id)];
      if (!kinds.includes(talk.kind)) push(entry.file, 'kind', `unknown kind "${talk.kind}" (known: ${kinds.join(', ')}; a conference adds others under kinds)`);
    }
    if (conf && talk.room !== undefined && (conf.rooms ?? []).length > 0 && !conf.rooms.some((room: any) => room.id === talk.room)) {
      push(entry.file, 'room', `unknown room "${talk.room}" (the conference's rooms: ${conf.rooms.map((room: any) => room.id).join(', ')})`);
    }
    if ((talk.translatedTitle ?? []).length === LANGS.length) push(entry.file, 'translatedTitle', 'at least one title must be the official one');
    const dir = dirname(entry.file);
    const untranslated: string[] = talk.untranslated ?? [];
    if (talk.untranslated) {
      for (const lang of LANGS) {
        const declared = untranslated.includes(lang);
        const hasFile = hasBeside('review', dir, lang);
        if (!hasFile && !declared) push(entry.file, 'untranslated', `no review in "${lang}" (${dir}/${lang}.md); write it or add "${lang}" to untranslated`);
        if (hasFile && declared) push(entry.file, 'untranslated', `lists "${lang}" but ${dir}/${lang}.md exists`);
      }
      if (LANGS.every((lang) => untranslated.includes(lang))) push(entry.file, 'untranslated', 'a talk needs a review in at least one language');
    }
    if (conferences.has(talk.conference) && talk.day && talk.start && talk.end) {
      const list = talksByConference.get(talk.conference) ?? [];
      list.push({ file: entry.file, value: { room: 'main', ...talk }, id: entry.id });
      talksByConference.set(talk.conference, list);
    }
  }
  for (const [conference, list] of lateDays) {
    const conf = conferences.get(conference)!;
    if (list.length === 1) {
      const [one] = list;
      push(one.file, one.field, `day ${one.day} is outside the conference's ${conf.days} day(s)`);
    } else {
      const last = Math.max(...list.map((item) => item.day));
      push(conf.file, 'end', `${list.length} talks or slots are on days after the conference's last day ${conf.days} (up to day ${last}, e.g. ${list[0].file}); check start and end`);
    }
  }
  for (const talks of talksByConference.values()) {
    for (let i = 0; i < talks.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = talks[i];
        const b = talks[j];
        const room = a.value.room ?? 'main';
        if (room === (b.value.room ?? 'main') && overlaps(a.value, b.value)) {
          push(a.file, 'start', `day ${a.value.day} ${a.value.start}-${a.value.end} in room "${room}" clashes with ${b.file} (${b.value.start}-${b.value.end})`);
        }
      }
    }
  }

  // Markdown files: a parent entry must exist; bodies must not be empty; raw HTML only from the allow-list of
  // safe-html.ts (no <script>, no event handlers, no javascript: URLs); no "#" heading; embedded files and images
  // exist inside the content root.
  const parentOf: Partial<Record<Kind, Kind>> = { review: 'talk', summary: 'conference', guideText: 'guide' };
  for (const entry of content.entries.filter((e) => parentOf[e.kind] && !e.error)) {
    const parentKind = parentOf[entry.kind]!;
    const dir = dirname(entry.file);
    if (!hasBeside(parentKind, dir)) {
      push(entry.file, '(file)', `has no ${parentKind}.yaml beside it`);
    }
    const body = entry.body ?? '';
    const at = (bodyLineNumber: number) => `line ${(entry.bodyLine ?? 1) + bodyLineNumber - 1}`;
    if (body.trim() === '') push(entry.file, 'body', 'is empty');
    const { problems, images } = markdownProblems(body);
    for (const problem of problems) push(entry.file, at(problem.line), problem.reason);
    const referenced = (line: number, label: string, path: string, text = false) => {
      const target = posix.normalize(`${dir}/${path}`);
      if (path.startsWith('/') || !isUnder(dir, target)) return push(entry.file, at(line), `${label} "${path}" must stay inside the entry's folder`);
      const found = content.exists(target);
      if (found === false) push(entry.file, at(line), `${label} "${path}" does not exist (${target})`);
      // A link out of the root (the file's or a folder's above it) is reported once, on the link, by the reading above.
      else if (typeof found === 'string' && !(content.fileErrors ?? []).some((error) => target === error.file || target.startsWith(`${error.file}/`))) push(entry.file, at(line), `${label} "${path}" ${found}`);
      else if (found === true && text) {
        const problem = content.textProblem?.(target);
        if (problem) push(entry.file, at(line), `${label} "${path}" ${problem}`);
      }
    };
    for (const embed of embeddedFiles(body)) referenced(embed.line, 'embedded file', embed.path, true);
    for (const image of images) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(image.url) || image.url.startsWith('//')) continue;
      const path = image.url.split(/[?#]/)[0];
      let decoded = path;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        // Kept as written.
      }
      referenced(image.line, 'image', decoded);
    }
  }

  for (const entry of of('speaker')) {
    (entry.value.companies ?? []).forEach((company: any, index: number) => {
      if (company?.conference) checkConferenceRef(entry.file, `companies[${index}].conference`, company.conference);
      if (!conferences.has(company?.conference)) return;
      (company.talks ?? []).forEach((talk: string, talkIndex: number) => {
        const given = talksByConference.get(company.conference)?.some((other) => other.id === talk && (other.value.speakers ?? []).includes(entry.id));
        if (!given) push(entry.file, `companies[${index}].talks[${talkIndex}]`, `"${entry.id}" gave no talk "${talk}" at ${company.conference}`);
      });
    });
  }

  for (const entry of of('guide')) {
    if (entry.value.conference) checkConferenceRef(entry.file, 'conference', entry.value.conference);
    if (tagsReadable) {
      (entry.value.tags ?? []).forEach((tag: string, index: number) => {
        if (!tags.has(tag)) unknownRef(`tag ${tag}`, entry.file, `tags[${index}]`, `unknown tag "${tag}" (not in tags.yaml)`);
      });
    }
    const dir = dirname(entry.file);
    if (!entry.value.untranslated) continue;
    for (const lang of LANGS) {
      const hasFile = hasBeside('guideText', dir, lang);
      const declared = entry.value.untranslated.includes(lang);
      if (!hasFile && !declared) push(entry.file, 'untranslated', `no text in "${lang}" (${dir}/${lang}.md); write it or add "${lang}" to untranslated`);
      if (hasFile && declared) push(entry.file, 'untranslated', `lists "${lang}" but ${dir}/${lang}.md exists`);
    }
    if (LANGS.every((lang) => entry.value.untranslated.includes(lang))) {
      push(entry.file, 'untranslated', 'a guide needs a text in at least one language');
    }
  }

  for (const { file, field, reason, others } of missing.values()) {
    push(file, field, others.size === 0 ? reason : `${reason}; also used by ${others.size} other file${others.size === 1 ? '' : 's'}`);
  }

  // One line per mistake: grouped by file in path order, in the order found within a file.
  const unique = new Map(errors.map((error) => [formatError(error), error]));
  return [...unique.values()].map((error, index) => ({ error, index })).sort((a, b) => (a.error.file < b.error.file ? -1 : a.error.file > b.error.file ? 1 : a.index - b.index)).map(({ error }) => error);
}

const isUnder = (dir: string, path: string): boolean => path.startsWith(`${dir}/`);

/**
 * One file of the root, read and parsed as `readContent` reads it: what a loader takes when the file changes under
 * `astro dev`. Nothing for a file the walk would pass over (a dot file, a link out of the root) or of another kind.
 */
export function readContentFile(root: string, abs: string, cwd = process.cwd(), kinds?: ReadonlySet<Kind>): RawEntry | undefined {
  const absRoot = resolve(cwd, root);
  const parts = relative(absRoot, abs).split(sep);
  if (parts[0] === '..' || parts.some((part) => part.startsWith('.')) || !resolveInsideRoot(absRoot, abs).ok) return undefined;
  const reading = readFoundFile(absRoot, abs, relative(cwd, abs).split(sep).join('/'), kinds);
  return reading && 'entry' in reading ? reading.entry : undefined;
}

/** Reads and validates the content root; returns the errors as one line each. */
export function checkContent(root: string, cwd = process.cwd()): string[] {
  return validateContent(readContent(root, cwd)).map(formatError);
}
