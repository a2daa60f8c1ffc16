/**
 * Reading the schedules conferences publish into one shape (`Imported`): frab/pentabarf schedule.xml, the
 * schedule.json of frab and pretalx (c3voc format), Sessionize's "All" JSON and CSV with a header row.
 *
 * Lenient on purpose, because real exports rarely match their own schema: unknown keys and elements are ignored,
 * slugs and acronyms may be in capitals, an event's `date` may be in UTC beside a local `start` (the local clock
 * wins), `start` may carry seconds, durations may be "01:30" or "01:30:00", persons may be frab's `public_name` or
 * pretalx's `name`. What cannot be understood is an `ImportError`: the file, the place in it, the reason.
 */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { parse as parseCsv } from 'csv-parse/sync';
import { formatOffset, offsetMinutes, zoneOffsetAt } from '../../../src/lib/schedule.ts';

export class ImportError extends Error {
  readonly file: string;
  readonly place: string;
  readonly reason: string;
  constructor(file: string, place: string, reason: string) {
    super(`${file}: ${place}: ${reason}`);
    this.file = file;
    this.place = place;
    this.reason = reason;
  }
}

export interface ImportedSession {
  /** The session's id in the source (guid, code, id or slug), to find it again on a re-import. */
  sourceId: string;
  title: string;
  /** Local calendar date and clock times at the conference. */
  date: string;
  start: string;
  end: string;
  room?: string;
  /** The source's session type as written ("lecture", "Keynote", "Lightning Talks"). */
  type?: string;
  /** Whether the source says this is not a talk (Sessionize service sessions). */
  service?: boolean;
  speakers: string[];
  track?: string;
  url?: string;
}

export interface Imported {
  format: 'frab-xml' | 'c3voc-json' | 'sessionize' | 'csv';
  title?: string;
  acronym?: string;
  url?: string;
  /** IANA zone, from the file or from --zone. */
  timeZone?: string;
  /** The offset local times are at, "+02:00". */
  offset: string;
  sessions: ImportedSession[];
  /** Room names in the source's order. */
  rooms: string[];
}

export interface ReadOptions {
  /** The file's name as the author typed it, for error lines. */
  file: string;
  /** IANA time zone for formats without offsets (Sessionize, CSV), or to override the file's. */
  zone?: string;
}

const CLOCK = /^(\d{1,2}):(\d{2})(?::\d{2})?$/;

/** "9:05", "09:05:00" → "09:05"; undefined when it is not a clock time. */
function clockOf(value: unknown): string | undefined {
  const match = CLOCK.exec(String(value ?? '').trim());
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return undefined;
  return `${match[1].padStart(2, '0')}:${match[2]}`;
}

/** "00:45", "1:30:00", "90" (minutes) → minutes. */
function durationOf(value: unknown): number | undefined {
  const text = String(value ?? '').trim();
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

const plusMinutes = (clock: string, minutes: number): string => {
  const total = Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5)) + minutes;
  if (total >= 24 * 60) return '';
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The offset an ISO date-time states ("+02:00", "Z" as "+00:00"), or undefined for a local one. */
function offsetOfIso(value: string): string | undefined {
  const zone = ISO.exec(value)?.[3];
  if (!zone) return undefined;
  if (zone === 'Z') return '+00:00';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

/** Local date and clock of an instant at an offset. */
function localAt(instant: number, offset: string): { date: string; clock: string } {
  const local = new Date(instant + offsetMinutes(offset) * 60_000).toISOString();
  return { date: local.slice(0, 10), clock: local.slice(11, 16) };
}

function checkZone(file: string, zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    throw new ImportError(file, '--zone', `"${zone}" is not a time zone (use an IANA name such as Europe/Berlin)`);
  }
}

const text = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return text((value as Record<string, unknown>)['#text']);
  return String(value).trim();
};

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined || value === null || (value as unknown) === '' ? [] : Array.isArray(value) ? value : [value]);

// ---------- frab / pentabarf schedule.xml ----------

function readFrabXml(source: string, options: ReadOptions): Imported {
  // fast-xml-parser's own validator is deprecated in favour of this package; it throws with the line of the fault.
  try {
    SyntaxValidator.validate(source);
  } catch (error) {
    const fault = error as Error & { line?: number };
    throw new ImportError(options.file, `line ${fault.line ?? 1}`, `not well-formed XML: ${fault.message}`);
  }
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, trimValues: true });
  const document = parser.parse(source);
  const schedule = document.schedule;
  if (!schedule || typeof schedule !== 'object') throw new ImportError(options.file, '(root)', 'no <schedule> element: not a frab/pentabarf schedule.xml');
  const conference = schedule.conference ?? {};
  const zone = options.zone ? checkZone(options.file, options.zone) : text(conference.time_zone_name) || undefined;
  const sessions: ImportedSession[] = [];
  const rooms: string[] = [];
  let offset: string | undefined;
  const days = list(schedule.day);
  if (days.length === 0) throw new ImportError(options.file, '<schedule>', 'has no <day>');
  days.forEach((day: any, dayIndex: number) => {
    const dayPlace = `day[${dayIndex + 1}]`;
    const dayDate = text(day['@date']) || text(day['@start']).slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dayDate)) throw new ImportError(options.file, dayPlace, `date "${dayDate}" is not a date YYYY-MM-DD`);
    for (const room of list(day.room) as any[]) {
      const roomName = text(room['@name']);
      if (roomName && !rooms.includes(roomName)) rooms.push(roomName);
      list(room.event).forEach((event: any, eventIndex: number) => {
        const place = `${dayPlace}/room "${roomName}"/event[${eventIndex + 1}]`;
        const title = text(event.title);
        if (!title) throw new ImportError(options.file, place, 'has no <title>');
        const start = clockOf(text(event.start));
        if (!start) throw new ImportError(options.file, `${place}/start`, `"${text(event.start)}" is not a time HH:MM`);
        const minutes = durationOf(text(event.duration));
        if (minutes === undefined) throw new ImportError(options.file, `${place}/duration`, `"${text(event.duration)}" is not a duration HH:MM`);
        const dateText = text(event.date);
        const stated = dateText ? offsetOfIso(dateText) : undefined;
        // A local offset in <date> is the conference's; a "Z" beside a local <start> is UTC and says nothing local.
        if (stated && stated !== '+00:00') offset ??= stated;
        // The local date: from <date> when it is local, else the day's date; an event before the day's own start
        // clock (pentabarf's day_change, e.g. 04:00) is after midnight, on the next calendar date.
        const dayStart = clockOf(text(day['@start']).slice(11, 16));
        const afterMidnight = dayStart !== undefined && start < dayStart;
        const date = stated && stated !== '+00:00' ? dateText.slice(0, 10) : afterMidnight ? nextDate(dayDate) : dayDate;
        sessions.push({
          sourceId: text(event['@guid']) || text(event['@code']) || text(event['@id']) || text(event.slug),
          title,
          date,
          start,
          end: plusMinutes(start, minutes) || '23:59',
          room: text(event.room) || roomName || undefined,
          type: text(event.type) || undefined,
          speakers: list(event.persons?.person).map((person: any) => text(person)).filter(Boolean),
          track: text(event.track) || undefined,
          url: text(event.url) || undefined,
        });
      });
    }
  });
  const dayOffset = offsetOfIso(text(days[0]['@start']));
  offset = zone ? zoneOffset(zone, sessions) : (offset ?? (dayOffset && dayOffset !== '+00:00' ? dayOffset : undefined) ?? offsetOfIso(text(conference.start)));
  if (!offset) throw new ImportError(options.file, '<conference>', 'no time zone: the file has neither <time_zone_name> nor local offsets; pass --zone (e.g. --zone Europe/Brussels)');
  return { format: 'frab-xml', title: text(conference.title) || undefined, acronym: text(conference.acronym) || undefined, url: text(conference.url) || undefined, timeZone: zone, offset, sessions, rooms };
}

/** The zone's offset on the first session's date. */
function zoneOffset(zone: string, sessions: readonly ImportedSession[]): string {
  const first = sessions[0];
  const instant = first ? Date.parse(`${first.date}T${first.start}:00Z`) : Date.now();
  return formatOffset(zoneOffsetAt(zone, instant));
}

// ---------- c3voc schedule.json (frab, pretalx) ----------

function readC3vocJson(document: any, options: ReadOptions): Imported {
  const conference = document.schedule?.conference;
  if (!conference || typeof conference !== 'object') throw new ImportError(options.file, 'schedule.conference', 'is missing: not a c3voc schedule.json');
  const zone = options.zone ? checkZone(options.file, options.zone) : typeof conference.time_zone_name === 'string' ? conference.time_zone_name : undefined;
  const sessions: ImportedSession[] = [];
  const rooms: string[] = list(conference.rooms).map((room: any) => text(room?.name)).filter(Boolean);
  let offset: string | undefined;
  const days = list(conference.days);
  if (days.length === 0) throw new ImportError(options.file, 'schedule.conference.days', 'is empty');
  days.forEach((day: any, dayIndex: number) => {
    const dayDate = text(day?.date);
    for (const [roomName, events] of Object.entries(day?.rooms ?? {})) {
      if (!rooms.includes(roomName)) rooms.push(roomName);
      list(events as any[]).forEach((event: any, eventIndex: number) => {
        const place = `schedule.conference.days[${dayIndex}].rooms["${roomName}"][${eventIndex}]`;
        const title = text(event?.title);
        if (!title) throw new ImportError(options.file, place, 'has no title');
        const dateText = text(event.date);
        const stated = dateText ? offsetOfIso(dateText) : undefined;
        if (stated && stated !== '+00:00') offset ??= stated;
        let start = clockOf(event.start);
        let date = stated && stated !== '+00:00' ? dateText.slice(0, 10) : dayDate;
        if (!start && dateText && stated) {
          // No local start: take the local time of the instant in <date>, at the zone's offset once known.
          const instant = Date.parse(dateText);
          const local = localAt(instant, zone ? formatOffset(zoneOffsetAt(zone, instant)) : (offset ?? stated));
          start = local.clock;
          date = local.date;
        }
        if (!start) throw new ImportError(options.file, `${place}.start`, `"${text(event.start)}" is not a time HH:MM`);
        let minutes = durationOf(event.duration);
        if (minutes === undefined && typeof event.end === 'string' && dateText) minutes = Math.round((Date.parse(event.end) - Date.parse(dateText)) / 60_000);
        if (minutes === undefined || !(minutes > 0)) throw new ImportError(options.file, `${place}.duration`, `"${text(event.duration)}" is not a duration HH:MM`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ImportError(options.file, `${place}.date`, `"${dateText}" gives no date`);
        sessions.push({
          sourceId: text(event.guid) || text(event.code) || text(event.id) || text(event.slug),
          title,
          date,
          start,
          end: plusMinutes(start, minutes) || '23:59',
          room: text(event.room) || roomName,
          type: text(event.type) || undefined,
          speakers: list(event.persons).map((person: any) => text(person?.public_name) || text(person?.name) || text(person)).filter(Boolean),
          track: text(event.track) || undefined,
          url: text(event.url) || undefined,
        });
      });
    }
  });
  offset = zone ? zoneOffset(zone, sessions) : (offset ?? offsetOfIso(text(days[0]?.day_start)));
  if (!offset) throw new ImportError(options.file, 'schedule.conference.time_zone_name', 'no time zone and no local offsets; pass --zone');
  return {
    format: 'c3voc-json',
    title: text(conference.title) || undefined,
    acronym: text(conference.acronym) || undefined,
    url: text(conference.url) || undefined,
    timeZone: zone,
    offset,
    sessions,
    rooms,
  };
}

// ---------- Sessionize "All" JSON ----------

function readSessionize(document: any, options: ReadOptions): Imported {
  if (!options.zone) {
    throw new ImportError(options.file, '--zone', 'Sessionize times have no offset: pass the conference\'s time zone, e.g. --zone Europe/Oslo');
  }
  const zone = checkZone(options.file, options.zone);
  const speakers = new Map<string, string>(
    list(document.speakers).map((speaker: any) => [String(speaker?.id), text(speaker?.fullName) || `${text(speaker?.firstName)} ${text(speaker?.lastName)}`.trim()]),
  );
  const roomsById = new Map<string, string>(list(document.rooms).map((room: any) => [String(room?.id), text(room?.name)]));
  // The "Session format" category (or the first category) names the session type.
  const categoryItems = new Map<string, { category: string; name: string }>();
  for (const category of list(document.categories) as any[]) {
    for (const item of list(category?.items) as any[]) categoryItems.set(String(item?.id), { category: text(category?.title), name: text(item?.name) });
  }
  const sessions: ImportedSession[] = [];
  list(document.sessions).forEach((session: any, index: number) => {
    const place = `sessions[${index}]`;
    const title = text(session?.title);
    if (!title) throw new ImportError(options.file, place, 'has no title');
    if (!session.startsAt || !session.endsAt) return; // accepted but not scheduled yet
    const starts = ISO.exec(String(session.startsAt));
    const ends = ISO.exec(String(session.endsAt));
    if (!starts) throw new ImportError(options.file, `${place}.startsAt`, `"${session.startsAt}" is not a date and time`);
    if (!ends) throw new ImportError(options.file, `${place}.endsAt`, `"${session.endsAt}" is not a date and time`);
    if (ends[1] !== starts[1]) throw new ImportError(options.file, `${place}.endsAt`, 'a session that ends on another day than it starts is not supported');
    const items = list(session.categoryItems).map((id: unknown) => categoryItems.get(String(id))).filter((item) => item !== undefined);
    const format = items.find((item) => /format|type/i.test(item.category)) ?? undefined;
    const track = items.find((item) => /track/i.test(item.category)) ?? undefined;
    sessions.push({
      sourceId: text(session.id),
      title,
      date: starts[1],
      start: starts[2],
      end: ends[2],
      room: roomsById.get(String(session.roomId)) || text(session.room) || undefined,
      type: format?.name,
      service: session.isServiceSession === true,
      speakers: list(session.speakers)
        .map((speaker: any) => (typeof speaker === 'object' ? text(speaker?.name) || speakers.get(String(speaker?.id)) : speakers.get(String(speaker))))
        .filter((name): name is string => Boolean(name)),
      track: track?.name,
    });
  });
  return { format: 'sessionize', timeZone: zone, offset: zoneOffset(zone, sessions), sessions, rooms: list(document.rooms).map((room: any) => text(room?.name)).filter(Boolean) };
}

// ---------- CSV ----------

const COLUMNS: Record<string, string[]> = {
  date: ['date', 'day', '日期'],
  start: ['start', 'starts', 'from', 'time', 'begin', '开始', '开始时间'],
  end: ['end', 'ends', 'to', 'until', '结束', '结束时间'],
  duration: ['duration', 'length', 'minutes', '时长'],
  title: ['title', 'session', 'talk', 'name', '标题', '题目'],
  speakers: ['speakers', 'speaker', 'presenter', 'presenters', '讲师', '演讲者'],
  room: ['room', 'location', 'hall', 'stage', 'track room', '会场', '地点'],
  type: ['type', 'kind', 'format', 'session type', '类型'],
  id: ['id', 'code', 'session id', 'slug'],
  track: ['track', '专题'],
};

function readCsv(source: string, options: ReadOptions): Imported {
  if (!options.zone) throw new ImportError(options.file, '--zone', 'CSV times have no offset: pass the conference\'s time zone, e.g. --zone Asia/Shanghai');
  const zone = checkZone(options.file, options.zone);
  let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    rows = parseCsv(source.replace(/^\uFEFF/, ''), { columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), skip_empty_lines: true, trim: true, info: true, relax_column_count: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportError(options.file, line ? `line ${line}` : '(file)', `not valid CSV: ${(error as Error).message.replace(/^Invalid Record Length: /, '').split('\n')[0]}`);
  }
  if (rows.length === 0) throw new ImportError(options.file, 'line 1', 'no rows under the header');
  const header = Object.keys(rows[0].record);
  const column = (name: string) => header.find((key) => COLUMNS[name].includes(key));
  for (const required of ['date', 'start', 'title']) {
    if (!column(required)) throw new ImportError(options.file, 'line 1', `no "${required}" column (the header has: ${header.join(', ')})`);
  }
  if (!column('end') && !column('duration')) throw new ImportError(options.file, 'line 1', 'needs an "end" or a "duration" column');
  const get = (record: Record<string, string>, name: string) => {
    const key = column(name);
    return key ? (record[key] ?? '').trim() : '';
  };
  const sessions = rows.map(({ record, info }) => {
    const place = `line ${info.lines}`;
    const date = get(record, 'date').replace(/\//g, '-');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ImportError(options.file, `${place}: ${column('date')}`, `"${get(record, 'date')}" is not a date YYYY-MM-DD`);
    const start = clockOf(get(record, 'start'));
    if (!start) throw new ImportError(options.file, `${place}: ${column('start')}`, `"${get(record, 'start')}" is not a time HH:MM`);
    let end = column('end') ? clockOf(get(record, 'end')) : undefined;
    if (!end && column('duration')) {
      const minutes = durationOf(get(record, 'duration'));
      end = minutes === undefined ? undefined : plusMinutes(start, minutes) || undefined;
    }
    if (!end) throw new ImportError(options.file, `${place}: ${column('end') ?? column('duration')}`, 'gives no end time HH:MM');
    const title = get(record, 'title');
    if (!title) throw new ImportError(options.file, `${place}: ${column('title')}`, 'is empty');
    return {
      sourceId: get(record, 'id'),
      title,
      date,
      start,
      end,
      room: get(record, 'room') || undefined,
      type: get(record, 'type') || undefined,
      speakers: get(record, 'speakers')
        .split(/\s*(?:;|、|，|\||\band\b|&)\s*/)
        .map((name) => name.trim())
        .filter(Boolean),
      track: get(record, 'track') || undefined,
    } satisfies ImportedSession;
  });
  return { format: 'csv', timeZone: zone, offset: zoneOffset(zone, sessions), sessions, rooms: [] };
}

/**
 * Where JSON stops being JSON: a small recursive-descent scan that returns the offset of the first character that
 * cannot continue the document (V8's messages give no position for many mistakes).
 */
export function jsonErrorOffset(source: string): number {
  let at = 0;
  const fail = (): never => {
    throw at;
  };
  const space = () => {
    while (/[ \t\n\r]/.test(source[at] ?? '')) at++;
  };
  const literal = (word: string) => (source.startsWith(word, at) ? (at += word.length) : fail());
  const string = () => {
    at++;
    while (at < source.length && source[at] !== '"') {
      if (source[at] === '\\') at++;
      else if (source.charCodeAt(at) < 0x20) fail();
      at++;
    }
    if (source[at] !== '"') fail();
    at++;
  };
  const value = (): void => {
    space();
    const char = source[at];
    if (char === '{') {
      at++;
      space();
      if (source[at] === '}') return void at++;
      for (;;) {
        space();
        if (source[at] !== '"') fail();
        string();
        space();
        if (source[at] !== ':') fail();
        at++;
        value();
        space();
        if (source[at] === ',') at++;
        else if (source[at] === '}') return void at++;
        else fail();
      }
    }
    if (char === '[') {
      at++;
      space();
      if (source[at] === ']') return void at++;
      for (;;) {
        value();
        space();
        if (source[at] === ',') at++;
        else if (source[at] === ']') return void at++;
        else fail();
      }
    }
    if (char === '"') return string();
    if (char === 't') return void literal('true');
    if (char === 'f') return void literal('false');
    if (char === 'n') return void literal('null');
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(source.slice(at));
    if (!number) fail();
    at += number![0].length;
  };
  try {
    value();
    space();
    return at < source.length ? at : source.length;
  } catch (offset) {
    return offset as number;
  }
}

/** Reads a schedule file in any of the four formats, chosen by its content (and extension for CSV). */
export function readSchedule(source: string, options: ReadOptions): Imported {
  const trimmed = source.replace(/^\uFEFF/, '').trimStart();
  let imported: Imported;
  if (trimmed.startsWith('<')) imported = readFrabXml(trimmed, options);
  else if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let document: any;
    try {
      document = JSON.parse(trimmed);
    } catch (error) {
      const offset = jsonErrorOffset(trimmed);
      const line = trimmed.slice(0, offset).split('\n').length;
      throw new ImportError(options.file, `line ${line}`, `not valid JSON: ${(error as Error).message.split('\n')[0].replace(/, \.\.\.".*$/s, '')}`);
    }
    if (document?.schedule) imported = readC3vocJson(document, options);
    else if (Array.isArray(document?.sessions) && Array.isArray(document?.speakers)) imported = readSessionize(document, options);
    else throw new ImportError(options.file, '(root)', 'JSON that is neither a c3voc schedule.json ("schedule") nor a Sessionize "All" export ("sessions", "speakers", "rooms")');
  } else imported = readCsv(source, options);
  if (imported.sessions.length === 0) throw new ImportError(options.file, '(file)', 'has no scheduled sessions');
  return imported;
}
