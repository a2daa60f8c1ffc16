/**
 * From an imported schedule to confnotes files: what `npm run import` writes, decided before anything is written.
 * - conference.yaml: facts from the schedule (dates, zone, days, rooms, kinds, non-talk slots); on a re-import only
 *   those facts change, and the author's name, city, venue, sponsors and links stay.
 * - one talk per session with speakers, with TODO review stubs; a re-import finds the talk again by `importId` (or
 *   by its title), updates its facts and never touches a review file that exists.
 * - speakers matched to existing ones by name, alias or romanization; new ones get a file.
 * The result is validated with the content check over the whole root as it would be; any error is an ImportError.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import { pinyin } from 'pinyin-pro';
import { SESSION_KINDS, SLOT_KINDS, type Lang } from '../../../src/lib/schema.ts';
import { otherLang, scriptLang } from '../../../src/lib/i18n.ts';
import { readContent, validateContent, formatError, parseMarkdown, type RawEntry } from '../../../src/lib/content-check.ts';
import { reviewText } from '../scaffold.ts';
import { ImportError, type Imported, type ImportedSession } from './formats.ts';

export interface PlannedFile {
  /** Path relative to the content root. */
  path: string;
  text: string;
  /** Whether the file is new (else an update of an existing file). */
  created: boolean;
}

export interface Plan {
  conference: string;
  writes: PlannedFile[];
  talks: number;
  slots: number;
  newSpeakers: number;
  /** Talks of the conference that the schedule no longer has (left alone). */
  missing: string[];
}

export interface PlanOptions {
  file: string;
  /** Content root, absolute or relative to cwd. */
  root: string;
  conference?: string;
  cwd?: string;
}

const str = (value: string): string => JSON.stringify(value);
const bilingual = (zh: string, en: string) => `{ zh: ${str(zh)}, en: ${str(en)} }`;

/** An id from any text: ASCII words, Chinese as pinyin, lowercase and hyphens. */
export function slugify(value: string): string {
  const latin = /[\u3400-\u9fff]/.test(value) ? pinyin(value, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ') : value;
  return latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .filter(Boolean)
    .slice(0, 8)
    .join('-');
}

const normalName = (value: string) => value.normalize('NFKC').toLowerCase().replace(/[\s·.\-_]+/g, ' ').trim();

/** Session types as exporters write them → our kinds. Anything else becomes a kind of the conference's own. */
const KIND_ALIASES: Record<string, string> = {
  lecture: 'talk',
  talk: 'talk',
  session: 'talk',
  presentation: 'talk',
  maintrack: 'talk',
  devroom: 'talk',
  'regular talk': 'talk',
  keynote: 'keynote',
  'lightning talk': 'lightning',
  'lightning talks': 'lightning',
  lightning: 'lightning',
  lightningtalk: 'lightning',
  panel: 'panel',
  'panel discussion': 'panel',
  podium: 'panel',
  discussion: 'panel',
  workshop: 'workshop',
  'hands-on': 'workshop',
  tutorial: 'workshop',
  training: 'training',
  'q&a': 'qa',
  qa: 'qa',
  break: 'break',
  'coffee break': 'break',
  pause: 'break',
  lunch: 'lunch',
  'lunch break': 'lunch',
  dinner: 'meal',
  breakfast: 'meal',
  meal: 'meal',
  party: 'party',
  social: 'party',
  registration: 'registration',
  'check-in': 'registration',
  opening: 'opening',
  welcome: 'welcome',
  closing: 'closing',
  other: 'other',
};

/** A kind for a session: from its type, else from a title that names a break, else "talk". */
function kindOf(session: ImportedSession): { id: string; custom?: string } {
  const type = session.type?.trim();
  if (type) {
    const known = KIND_ALIASES[type.toLowerCase()];
    if (known) return { id: known };
    const id = slugify(type);
    if (id && (SESSION_KINDS as readonly string[]).includes(id)) return { id };
    if (id) return { id, custom: type };
  }
  const byTitle = KIND_ALIASES[session.title.trim().toLowerCase()];
  if (byTitle && SLOT_KINDS.includes(byTitle)) return { id: byTitle };
  return { id: session.service ? 'break' : 'talk' };
}

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

function relativeTo(root: string, cwd: string, path: string) {
  return relative(cwd, join(root, path)).split(sep).join('/');
}

/** Updates keys of a YAML document only where the value differs, so an unchanged fact leaves the text as it was. */
function updateYaml(text: string, values: Record<string, unknown>, file: string): string {
  const document = parseDocument(text);
  if (document.errors.length > 0 || !isMap(document.contents)) throw new ImportError(file, '(file)', `cannot update: ${document.errors[0]?.message.split('\n')[0] ?? 'not a YAML map'}`);
  const current = (document.toJS() ?? {}) as Record<string, unknown>;
  let changed = false;
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) {
      if (key in current) document.delete(key);
      changed ||= key in current;
      continue;
    }
    if (JSON.stringify(current[key]) === JSON.stringify(value)) continue;
    changed = true;
    document.set(key, yamlNode(document, value));
  }
  return changed ? document.toString({ lineWidth: 0 }) : text;
}

/**
 * A YAML node written the way the hand-written files are: strings double-quoted (so "09:00" and dates stay
 * strings for every YAML reader), maps and lists of scalars on one line, lists of maps one item per line.
 */
function yamlNode(document: Document, value: unknown) {
  const node = document.createNode(value);
  visit(node, {
    Scalar(key, scalar) {
      if (key !== 'key' && typeof scalar.value === 'string') scalar.type = 'QUOTE_DOUBLE';
    },
    Map(_, map) {
      map.flow = true;
    },
  });
  if (isSeq(node)) node.flow = node.items.every((item) => isScalar(item));
  return node;
}

export function planImport(imported: Imported, options: PlanOptions): Plan {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.root);
  const rootRel = relative(cwd, root).split(sep).join('/') || '.';
  const file = options.file;
  const conferenceId = options.conference ?? slugify(imported.acronym ?? imported.title ?? '');
  if (!conferenceId || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(conferenceId)) {
    throw new ImportError(file, '--conference', options.conference ? `"${options.conference}" is not an id (lowercase letters, digits and single hyphens)` : 'the file names no conference acronym or title: pass --conference <id>');
  }
  const content = existsSync(root) ? readContent(rootRel, cwd) : { root: rootRel, entries: [] as RawEntry[], unknown: [], exists: () => false };
  const read = (path: string) => {
    const abs = join(root, path);
    return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
  };

  // ----- days, rooms, kinds -----
  const sessions = [...imported.sessions].sort((a, b) => a.date.localeCompare(b.date) || minutes(a.start) - minutes(b.start) || a.title.localeCompare(b.title));
  for (const session of sessions) {
    if (minutes(session.end) <= minutes(session.start)) throw new ImportError(file, `session "${session.title}"`, `ends (${session.end}) before it starts (${session.start})`);
  }
  const dates = [...new Set(sessions.map((session) => session.date))].sort();
  const dayOf = (date: string) => dates.indexOf(date) + 1;
  const firstDay = sessions.filter((session) => session.date === dates[0]);
  const lastDay = sessions.filter((session) => session.date === dates.at(-1));
  const earliest = firstDay.reduce((first, session) => (minutes(session.start) < minutes(first) ? session.start : first), firstDay[0].start);
  const latest = lastDay.reduce((last, session) => (minutes(session.end) > minutes(last) ? session.end : last), lastDay[0].end);
  const start = `${dates[0]}T${earliest}:00${imported.offset}`;
  const end = `${dates.at(-1)}T${latest}:00${imported.offset}`;

  const roomNames = [...new Set([...imported.rooms, ...sessions.map((session) => session.room).filter((room): room is string => Boolean(room))])].filter((name) =>
    sessions.some((session) => session.room === name),
  );
  const roomIds = new Map<string, string>();
  for (const [index, name] of roomNames.entries()) {
    let id = slugify(name) || `room-${index + 1}`;
    while ([...roomIds.values()].includes(id)) id = `${id}-${index + 1}`;
    roomIds.set(name, id);
  }
  const customKinds = new Map<string, string>();

  // ----- speakers -----
  const speakerEntries = content.entries.filter((entry) => entry.kind === 'speaker' && !entry.error);
  const known = new Map<string, string>();
  for (const entry of speakerEntries) {
    const data = (entry.data ?? {}) as { name?: { zh?: string; en?: string }; aliases?: string[]; romanization?: string };
    for (const name of [data.name?.zh, data.name?.en, data.romanization, ...(data.aliases ?? [])]) if (name) known.set(normalName(name), entry.id);
  }
  const takenSpeakerIds = new Set(content.entries.filter((entry) => entry.kind === 'speaker').map((entry) => entry.id));
  const newSpeakers = new Map<string, string>();
  const speakerId = (name: string): string => {
    const found = known.get(normalName(name));
    if (found) return found;
    let id = slugify(name) || 'speaker';
    for (let n = 2; takenSpeakerIds.has(id); n++) id = `${slugify(name) || 'speaker'}-${n}`;
    takenSpeakerIds.add(id);
    known.set(normalName(name), id);
    newSpeakers.set(id, name);
    return id;
  };

  // ----- talks and slots -----
  const talkDir = `talks/${conferenceId}`;
  const existingTalks = content.entries
    .filter((entry) => entry.kind === 'talk' && !entry.error && entry.file.startsWith(`${rootRel === '.' ? '' : `${rootRel}/`}${talkDir}/`))
    .map((entry) => ({ id: entry.id, data: (entry.data ?? {}) as Record<string, any> }));
  const usedTalkIds = new Set(content.entries.filter((entry) => entry.kind === 'talk').map((entry) => entry.id));
  const matched = new Set<string>();
  const writes: PlannedFile[] = [];
  const write = (path: string, text: string) => {
    const before = read(path);
    if (before === text) return;
    writes.push({ path, text, created: before === undefined });
  };
  const slots: Array<Record<string, unknown>> = [];
  let talkCount = 0;

  for (const session of sessions) {
    const kind = kindOf(session);
    if (kind.custom) customKinds.set(kind.id, kind.custom);
    const room = session.room ? roomIds.get(session.room) : undefined;
    const day = dayOf(session.date);
    const isSlot = SLOT_KINDS.includes(kind.id) || session.speakers.length === 0;
    if (isSlot) {
      const slotKind = SLOT_KINDS.includes(kind.id) || kind.id !== 'talk' ? kind.id : 'other';
      const generic = KIND_ALIASES[session.title.trim().toLowerCase()] === slotKind;
      slots.push({
        day,
        start: session.start,
        end: session.end,
        kind: slotKind,
        ...(generic ? {} : { title: { zh: session.title, en: session.title } }),
        ...(room && roomNames.length > 1 ? { room } : {}),
      });
      continue;
    }
    talkCount++;
    const titleLang: Lang = scriptLang(session.title);
    const existing =
      existingTalks.find((talk) => !matched.has(talk.id) && session.sourceId && talk.data.importId === session.sourceId) ??
      existingTalks.find((talk) => !matched.has(talk.id) && (talk.data.title?.[titleLang] === session.title || talk.data.title?.en === session.title || talk.data.title?.zh === session.title));
    const speakers = [...new Set(session.speakers.map(speakerId))];
    const facts = {
      conference: conferenceId,
      day,
      start: session.start,
      end: session.end,
      room,
      kind: kind.id,
      speakers,
    };
    if (existing) {
      matched.add(existing.id);
      const path = `${talkDir}/${existing.id}/talk.yaml`;
      const title = { ...(existing.data.title ?? {}), [titleLang]: session.title };
      if (!title[otherLang(titleLang)]) title[otherLang(titleLang)] = session.title;
      write(path, updateYaml(read(path)!, { ...facts, title, ...(session.sourceId ? { importId: session.sourceId } : {}) }, relativeTo(root, cwd, path)));
      const untranslated: string[] = existing.data.untranslated ?? [];
      for (const lang of ['zh', 'en'] as Lang[]) {
        const review = `${talkDir}/${existing.id}/${lang}.md`;
        if (read(review) === undefined && !untranslated.includes(lang)) write(review, reviewText(lang));
      }
      continue;
    }
    const base = slugify(session.title) || `session-${slugify(session.sourceId) || talkCount}`;
    let id = base;
    for (let n = 2; usedTalkIds.has(id); n++) id = `${base}-${n}`;
    usedTalkIds.add(id);
    const other = otherLang(titleLang);
    const text = [
      `# Imported from ${session.url ?? 'the published schedule'}. TODO: review the facts, translate the title.`,
      `conference: ${conferenceId}`,
      `day: ${day}`,
      `start: ${str(session.start)}`,
      `end: ${str(session.end)}`,
      ...(room ? [`room: ${room}`] : []),
      `kind: ${kind.id}`,
      `speakers: [${speakers.join(', ')}]`,
      `title: ${bilingual(session.title, session.title)}`,
      `# The ${other === 'zh' ? 'Chinese' : 'English'} title is a copy until translated; it is ours, not official.`,
      `translatedTitle: [${other}]`,
      'tags: []',
      ...(session.sourceId ? [`importId: ${str(session.sourceId)}`] : []),
      '',
    ].join('\n');
    write(`${talkDir}/${id}/talk.yaml`, text);
    for (const lang of ['zh', 'en'] as Lang[]) write(`${talkDir}/${id}/${lang}.md`, reviewText(lang));
  }

  for (const [id, name] of newSpeakers) {
    const path = `speakers/${id}.yaml`;
    const romanized = /[\u3400-\u9fff]/.test(name) ? pinyin(name, { toneType: 'none', type: 'array' }).map((part) => part[0].toUpperCase() + part.slice(1)).join(' ') : undefined;
    write(
      path,
      [
        `# Imported from the schedule. TODO: the name in the other language, companies, links.`,
        `name: ${bilingual(name, romanized ?? name)}`,
        ...(romanized ? [`romanization: ${str(romanized)}`] : []),
        '',
      ].join('\n'),
    );
  }

  // ----- conference -----
  const rooms = roomNames.length > 1 ? roomNames.map((name) => ({ id: roomIds.get(name)!, name: { zh: name, en: name } })) : [];
  const kinds = [...customKinds].map(([id, name]) => ({ id, name: { zh: name, en: name } }));
  const consecutive = dates.every((date, index) => index === 0 || Date.parse(`${date}T00:00:00Z`) - Date.parse(`${dates[index - 1]}T00:00:00Z`) === 86_400_000);
  const conferenceFacts: Record<string, unknown> = {
    start,
    end,
    timezone: imported.timeZone && /\/|^UTC$/.test(imported.timeZone) ? imported.timeZone : undefined,
    days: consecutive ? undefined : dates.map((date) => ({ date })),
    rooms: rooms.length > 0 ? rooms : undefined,
    kinds: kinds.length > 0 ? kinds : undefined,
    slots,
  };
  const conferencePath = `conferences/${conferenceId}/conference.yaml`;
  const existingConference = read(conferencePath);
  if (existingConference !== undefined) {
    write(conferencePath, updateYaml(existingConference, conferenceFacts, relativeTo(root, cwd, conferencePath)));
  } else {
    const title = imported.title ?? conferenceId;
    const document = parseDocument(
      [
        `# Imported from ${imported.url ?? 'a published schedule'}. TODO: name in both languages, city, venue, organizer, sponsors.`,
        `name: ${bilingual(title, title)}`,
        'edition: 1',
        `city: ${bilingual('TODO：城市', 'TODO: city')}`,
        `venue: ${bilingual('TODO：会场', 'TODO: venue')}`,
        'organizer:',
        `  name: ${bilingual('TODO：主办方', 'TODO: organizer')}`,
        ...(imported.url && /^https?:\/\/[^/]+\./.test(imported.url) ? ['links:', `  - { label: ${bilingual('官方日程', 'Official schedule')}, url: ${str(imported.url)} }`] : []),
        '',
      ].join('\n'),
    );
    write(conferencePath, updateYaml(document.toString(), conferenceFacts, relativeTo(root, cwd, conferencePath)));
    for (const lang of ['zh', 'en'] as Lang[]) {
      const summary = `conferences/${conferenceId}/${lang}.md`;
      if (read(summary) === undefined) {
        write(summary, lang === 'zh' ? '---\ntitle: 关于这次大会\n---\n\nTODO：评论者对这次大会的总体印象。\n' : '---\ntitle: About the conference\n---\n\nTODO: the reviewer\'s overall impressions of the conference.\n');
      }
    }
  }
  if (read('tags.yaml') === undefined) write('tags.yaml', '# Tags: - { id: go, label: { zh: Go, en: Go }, description: { zh: ..., en: ... } }\n[]\n');

  // ----- the root as it would be: one content check over everything -----
  const planned = new Map(writes.map((entry) => [relativeTo(root, cwd, entry.path), entry.text]));
  const after = readContentWith(rootRel, cwd, content.entries, planned);
  const errors = validateContent(after);
  if (errors.length > 0) {
    const first = errors[0];
    throw new ImportError(file, '(result)', `the files it would write do not pass the content check, so nothing was written: ${formatError(first)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`);
  }
  return {
    conference: conferenceId,
    writes,
    talks: talkCount,
    slots: slots.length,
    newSpeakers: newSpeakers.size,
    missing: existingTalks.filter((talk) => !matched.has(talk.id)).map((talk) => talk.id),
  };
}

/** The content as it would be read after the planned writes (paths relative to cwd). */
function readContentWith(rootRel: string, cwd: string, entries: RawEntry[], planned: Map<string, string>) {
  const scratch = readContentFromMemory(rootRel, planned);
  const replaced = new Set(scratch.map((entry) => entry.file));
  return {
    root: rootRel,
    entries: [...entries.filter((entry) => !replaced.has(entry.file)), ...scratch],
    unknown: [],
    exists: (path: string) => planned.has(path) || existsSync(resolve(cwd, path)),
  };
}

function readContentFromMemory(rootRel: string, planned: Map<string, string>): RawEntry[] {
  const prefix = rootRel === '.' ? '' : `${rootRel}/`;
  const out: RawEntry[] = [];
  for (const [file, text] of planned) {
    const parts = file.slice(prefix.length).split('/');
    const name = parts.at(-1)!;
    const folder = parts.at(-2) ?? '';
    const lang = /^(zh|en)\.md$/.exec(name)?.[1] as Lang | undefined;
    const yaml = () => {
      const document = parseDocument(text);
      return document.errors.length > 0 ? { file, error: { file, field: '(file)', reason: document.errors[0].message } } : { file, data: document.toJS() };
    };
    if (parts.length === 1 && name === 'tags.yaml') out.push({ kind: 'tags', id: 'tags', ...yaml() });
    else if (parts[0] === 'conferences' && name === 'conference.yaml') out.push({ kind: 'conference', id: folder, ...yaml() });
    else if (parts[0] === 'conferences' && lang) out.push({ kind: 'summary', id: folder, lang, ...parseMarkdown(file, text) });
    else if (parts[0] === 'talks' && name === 'talk.yaml') out.push({ kind: 'talk', id: folder, ...yaml() });
    else if (parts[0] === 'talks' && lang) out.push({ kind: 'review', id: folder, lang, ...parseMarkdown(file, text) });
    else if (parts[0] === 'speakers') out.push({ kind: 'speaker', id: name.replace(/\.ya?ml$/, ''), ...yaml() });
  }
  return out;
}
