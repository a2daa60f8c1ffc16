/**
 * Validates the content root before Astro sees it, and reports every mistake as one line:
 *   content/talks/gopherchina-2016/foo/talk.yaml: speakers[0]: unknown speaker "nobody"
 * Astro's own schema errors span many lines and its `reference()` accepts ids that do not exist, so this check
 * covers both, plus what no schema can see: duplicate ids across folders, missing translations, clashing slots,
 * embedded files that are missing.
 *
 * `readContent` does the I/O; `validateContent` is pure over what it read, so tests can feed it objects.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
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
  type Lang,
} from './schema.ts';
import { classify, ID_PATTERN, walkContent, type Kind } from './content-layout.ts';
import { RESERVED_IDS } from './paths.ts';
import { dayCount, minutes, overlaps } from './schedule.ts';
import { embeddedFiles } from './embed.ts';
import { rawHtmlProblems } from './safe-html.ts';

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
}

export type { Kind };

export interface RawEntry extends RawFile {
  kind: Kind;
  /** The entry's id, from its path: folder name for talks, conferences and guides; file name for speakers. */
  id: string;
  lang?: Lang;
}

export interface RawContent {
  /** The content root relative to the project root, e.g. "content". */
  root: string;
  entries: RawEntry[];
  /** Files under the root that fit no pattern. */
  unknown: string[];
  /** Whether a file exists, for embedded files (relative to the project root). */
  exists: (file: string) => boolean;
}

// ---------- reading ----------

function yamlError(file: string, error: unknown): ContentError {
  if (error instanceof YAMLParseError) {
    const line = error.linePos?.[0];
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { file, field: line ? `line ${line.line}` : '(file)', reason: `invalid YAML: ${reason}` };
  }
  return { file, field: '(file)', reason: `invalid YAML: ${String(error)}` };
}

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
  try {
    const data = parseYaml(source.slice(4, close)) ?? {};
    return { file, data, body: closeEnd === -1 ? '' : source.slice(closeEnd + 1), bodyLine: source.slice(0, closeEnd + 1).split('\n').length };
  } catch (error) {
    return { file, error: { ...yamlError(file, error), field: 'front matter' } };
  }
}

function parseYamlFile(file: string, text: string): RawFile {
  try {
    return { file, data: parseYaml(text) };
  } catch (error) {
    return { file, error: yamlError(file, error) };
  }
}

/** Reads every file under the content root once and sorts it into kinds by its path (src/lib/content-layout.ts). */
export function readContent(root: string, cwd = process.cwd()): RawContent {
  const absRoot = resolve(cwd, root);
  const entries: RawEntry[] = [];
  const unknown: string[] = [];
  for (const abs of walkContent(absRoot).sort()) {
    const file = relative(cwd, abs).split(sep).join('/');
    const place = classify(relative(absRoot, abs).split(sep));
    if (!place) unknown.push(file);
    else if (place.kind !== 'asset') {
      const text = readFileSync(abs, 'utf8');
      const parsed = place.format === 'yaml' ? parseYamlFile(file, text) : parseMarkdown(file, text);
      entries.push({ kind: place.kind, id: place.id, ...(place.lang ? { lang: place.lang } : {}), ...parsed });
    }
  }
  return { root, entries, unknown, exists: (file) => existsSync(resolve(cwd, file)) && statSync(resolve(cwd, file)).isFile() };
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

export function validateContent(content: RawContent): ContentError[] {
  const errors: ContentError[] = [];
  const push = (file: string, field: string, reason: string) => errors.push({ file, field, reason });

  for (const file of content.unknown) {
    push(file, '(file)', 'not a known content file (expected conference.yaml, talk.yaml, guide.yaml, <id>.yaml under speakers/, tags.yaml, zh.md or en.md)');
  }

  // Parse errors first; entries that fail to parse are not checked further.
  const parsed: Array<RawEntry & { value: any }> = [];
  for (const entry of content.entries) {
    if (entry.error) {
      errors.push(entry.error);
      continue;
    }
    if (entry.kind !== 'tags' && !ID_PATTERN.test(entry.id)) {
      push(entry.file, '(id)', `id "${entry.id}" (from the ${entry.kind === 'speaker' ? 'file' : 'folder'} name) must be lowercase letters, digits and single hyphens`);
      continue;
    }
    const result = SCHEMAS[entry.kind].safeParse(entry.data ?? {}, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) push(entry.file, fieldPath(issue.path), issueReason(issue));
      continue;
    }
    parsed.push({ ...entry, value: result.data });
  }

  const of = (kind: Kind) => parsed.filter((entry) => entry.kind === kind);

  // Duplicate ids: the same id in two places of one collection.
  const duplicates = (kind: Kind, label: string) => {
    const seen = new Map<string, string>();
    for (const entry of content.entries.filter((e) => e.kind === kind)) {
      const first = seen.get(entry.id);
      if (first) push(entry.file, '(id)', `duplicate ${label} id "${entry.id}", already used by ${first}`);
      else seen.set(entry.id, entry.file);
    }
  };
  duplicates('conference', 'conference');
  duplicates('talk', 'talk');
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

  // References check ids against every entry that exists, valid or not, so one schema error does not cascade
  // into "unknown conference" lines on every talk that points at it.
  const conferenceIds = new Set(content.entries.filter((e) => e.kind === 'conference').map((e) => e.id));
  const conferences = new Map(of('conference').map((entry) => [entry.id, entry.value]));
  const speakers = new Set(content.entries.filter((e) => e.kind === 'speaker').map((e) => e.id));

  for (const entry of of('conference')) {
    if ((RESERVED_IDS as readonly string[]).includes(entry.id)) push(entry.file, '(id)', `"${entry.id}" is reserved for a site page; rename the folder`);
    const conf = entry.value;
    if (Date.parse(conf.end) <= Date.parse(conf.start)) push(entry.file, 'end', 'must be after start');
    const days = dayCount(conf);
    conf.slots.forEach((slot: any, index: number) => {
      if (slot.day > days) push(entry.file, `slots[${index}].day`, `day ${slot.day} is outside the conference's ${days} day(s)`);
      if (minutes(slot.end) <= minutes(slot.start)) push(entry.file, `slots[${index}].end`, `must be after start ${slot.start}`);
    });
  }

  // Talks: references, times, slot clashes, reviews in both languages.
  const talksByConference = new Map<string, Array<{ file: string; value: any; id: string }>>();
  for (const entry of of('talk')) {
    const talk = entry.value;
    const conf = conferences.get(talk.conference);
    if (!conferenceIds.has(talk.conference)) push(entry.file, 'conference', `unknown conference "${talk.conference}"`);
    talk.speakers.forEach((speaker: string, index: number) => {
      if (!speakers.has(speaker)) push(entry.file, `speakers[${index}]`, `unknown speaker "${speaker}" (no ${content.root}/speakers/${speaker}.yaml)`);
    });
    talk.tags.forEach((tag: string, index: number) => {
      if (!tags.has(tag)) push(entry.file, `tags[${index}]`, `unknown tag "${tag}" (not in tags.yaml)`);
    });
    if (minutes(talk.end) <= minutes(talk.start)) push(entry.file, 'end', `must be after start ${talk.start}`);
    if (conf && talk.day > dayCount(conf)) push(entry.file, 'day', `day ${talk.day} is outside the conference's ${dayCount(conf)} day(s)`);
    const dir = dirname(entry.file);
    for (const lang of LANGS) {
      const declared = talk.untranslated.includes(lang);
      const hasFile = content.entries.some((e) => e.kind === 'review' && e.lang === lang && dirname(e.file) === dir);
      if (!hasFile && !declared) push(entry.file, 'untranslated', `no review in "${lang}" (${dir}/${lang}.md); write it or add "${lang}" to untranslated`);
      if (hasFile && declared) push(entry.file, 'untranslated', `lists "${lang}" but ${dir}/${lang}.md exists`);
    }
    if (LANGS.every((lang) => talk.untranslated.includes(lang))) {
      push(entry.file, 'untranslated', 'a talk needs a review in at least one language');
    }
    if (conf) {
      const list = talksByConference.get(talk.conference) ?? [];
      list.push({ file: entry.file, value: talk, id: entry.id });
      talksByConference.set(talk.conference, list);
    }
  }
  for (const talks of talksByConference.values()) {
    for (let i = 0; i < talks.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = talks[i];
        const b = talks[j];
        if (a.value.room === b.value.room && overlaps(a.value, b.value)) {
          push(a.file, 'start', `day ${a.value.day} ${a.value.start}-${a.value.end} in room "${a.value.room}" clashes with ${b.file} (${b.value.start}-${b.value.end})`);
        }
      }
    }
  }

  // Markdown files: a parent entry must exist; bodies must not be empty; raw HTML only from the allow-list of
  // safe-html.ts (no <script>, no event handlers, no javascript: URLs); embedded files exist.
  const parentOf: Partial<Record<Kind, Kind>> = { review: 'talk', summary: 'conference', guideText: 'guide' };
  for (const entry of content.entries.filter((e) => parentOf[e.kind] && !e.error)) {
    const parentKind = parentOf[entry.kind]!;
    const parentFile = `${dirname(entry.file)}/${parentKind}.yaml`;
    if (!content.entries.some((e) => e.kind === parentKind && e.file === parentFile)) {
      push(entry.file, '(file)', `has no ${parentKind}.yaml beside it`);
    }
    const body = entry.body ?? '';
    const at = (bodyLineNumber: number) => `line ${(entry.bodyLine ?? 1) + bodyLineNumber - 1}`;
    if (body.trim() === '') push(entry.file, 'body', 'is empty');
    for (const problem of rawHtmlProblems(stripCode(body))) push(entry.file, at(lineOf(body, problem.index)), problem.reason);
    for (const embed of embeddedFiles(body)) {
      const target = `${dirname(entry.file)}/${embed.path}`;
      if (embed.path.includes('..') || embed.path.startsWith('/')) push(entry.file, at(embed.line), `embedded file "${embed.path}" must stay inside the entry's folder`);
      else if (!content.exists(target)) push(entry.file, at(embed.line), `embedded file "${embed.path}" does not exist (${target})`);
    }
  }

  for (const entry of of('speaker')) {
    entry.value.companies.forEach((company: any, index: number) => {
      if (!conferenceIds.has(company.conference)) push(entry.file, `companies[${index}].conference`, `unknown conference "${company.conference}"`);
    });
  }

  for (const entry of of('guide')) {
    if (entry.value.conference && !conferenceIds.has(entry.value.conference)) push(entry.file, 'conference', `unknown conference "${entry.value.conference}"`);
    const dir = dirname(entry.file);
    for (const lang of LANGS) {
      const hasFile = content.entries.some((e) => e.kind === 'guideText' && e.lang === lang && dirname(e.file) === dir);
      const declared = entry.value.untranslated.includes(lang);
      if (!hasFile && !declared) push(entry.file, 'untranslated', `no text in "${lang}" (${dir}/${lang}.md); write it or add "${lang}" to untranslated`);
      if (hasFile && declared) push(entry.file, 'untranslated', `lists "${lang}" but ${dir}/${lang}.md exists`);
    }
    if (LANGS.every((lang) => entry.value.untranslated.includes(lang))) {
      push(entry.file, 'untranslated', 'a guide needs a text in at least one language');
    }
  }

  return errors;
}

/** Blanks out fenced and inline code so that code samples may mention <script>. Keeps offsets. */
function stripCode(body: string): string {
  return body
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
}

const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** Reads and validates the content root; returns the errors as one line each. */
export function checkContent(root: string, cwd = process.cwd()): string[] {
  return validateContent(readContent(root, cwd)).map(formatError);
}
