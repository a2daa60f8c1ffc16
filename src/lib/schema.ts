/**
 * The shapes of every file under the content root, written once with Zod.
 * `src/content.config.ts` builds Astro's collections from these, and `content-check.ts` validates the raw files
 * with the same schemas before Astro runs, so an author sees one line per mistake instead of a stack trace.
 * Cross-references stay plain ids here: Astro's `reference()` is added in the content config, and the checker
 * verifies that every id exists (Astro does not fail the build on a dangling reference).
 */
import { z } from 'astro/zod';
import { LANGS, type Lang } from './site-constants.ts';
import { slidesFileName } from './slides.ts';
import { CLOCK_PATTERN, ID_PATTERN } from './content-layout.ts';

export { LANGS, type Lang };

const id = z
  .string()
  .regex(ID_PATTERN, 'must be lowercase letters, digits and single hyphens (e.g. "dave-cheney")');

/** A string in both languages; both are required unless the entry says otherwise. */
const bilingual = z.object({ zh: z.string().trim().min(1, 'must not be empty'), en: z.string().trim().min(1, 'must not be empty') }).strict();

/** Whether year-month-day names a real calendar day (no 31 April, no 29 February 2015). */
export function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether the date part "YYYY-MM-DD" at the start of a string is a real day; Date.parse would roll 31 April over. */
const realDayAtStart = (value: string): boolean => {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  return isRealDay(year, month, day);
};

/**
 * An absolute http(s) URL, written as it goes into `href`. A raw space is refused rather than encoded silently: it
 * is almost always a pasting mistake, and the author should see the URL that readers will follow.
 */
const httpUrl = z
  .string()
  .refine((value) => !/\s/.test(value), 'must not contain spaces; write a space as %20')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');

/** "HH:MM", 24-hour clock, local time of the conference. */
const clock = z.string().regex(CLOCK_PATTERN, 'must be a 24-hour time "HH:MM"');

/** ISO 8601 date-time with an explicit offset, e.g. 2016-04-16T09:00:00+08:00. Quoted in YAML: unquoted, YAML makes it a Date and drops the offset. */
const isoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?[+-](?:0\d|1[0-4]):[0-5]\d$/, 'must be ISO 8601 with an offset, e.g. 2016-04-16T09:00:00+08:00')
  .refine(realDayAtStart, 'is not a real date and time');

/**
 * "YYYY-MM-DD". YAML (js-yaml, as Astro reads it) turns an unquoted date into a Date at UTC midnight; that is turned
 * back into the same day, so quoting is optional. The checker has already refused unquoted days that do not exist.
 */
const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"')
    .refine(realDayAtStart, 'is not a real date'),
);

const link = z.object({ label: z.union([z.string().min(1), bilingual]), url: httpUrl }).strict();

/** The original post a page is built from: credited and linked on that page. */
const source = z
  .object({
    title: z.string().min(1),
    url: httpUrl,
    published: isoDate,
    author: z.object({ name: bilingual, url: httpUrl }).strict(),
  })
  .strict();

/**
 * Session kinds every conference may use without declaring them; the interface dictionary labels them
 * (`kind.<id>`). A conference adds its own under `kinds` with a label in both languages.
 */
export const SESSION_KINDS = [
  'keynote',
  'talk',
  'lightning',
  'panel',
  'workshop',
  'training',
  'qa',
  'registration',
  'opening',
  'welcome',
  'closing',
  'break',
  'lunch',
  'meal',
  'party',
  'other',
] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** Kinds that are not talks: shown as plain slots, without a talk page. */
export const SLOT_KINDS: readonly string[] = ['registration', 'opening', 'welcome', 'closing', 'break', 'lunch', 'meal', 'party'];

/** Sponsor tiers with a label in the dictionary (`tier.<id>`); a conference declares others under `tiers`. */
export const SPONSOR_TIERS = ['co-organizer', 'diamond', 'platinum', 'gold', 'silver', 'bronze', 'partner', 'media', 'community'] as const;

/** An IANA time-zone name such as "Asia/Shanghai", checked against the zones this Node knows. */
const timeZone = z.string().refine((value) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return /\//.test(value) || value === 'UTC';
  } catch {
    return false;
  }
}, 'must be an IANA time-zone name such as "Asia/Shanghai" or "Europe/Berlin"');

/** A conference's own label for something (a room, a kind, a tier), given once in both languages. */
const labelled = z.object({ id, name: bilingual }).strict();

export const conferenceSchema = z
  .object({
    name: bilingual,
    edition: z.number().int().positive(),
    city: bilingual,
    venue: bilingual,
    start: isoDateTime,
    end: isoDateTime,
    /** The conference's time zone; without it, times carry only the fixed offset of `start`. */
    timezone: timeZone.optional(),
    /**
     * The conference's days in order, when they are not simply consecutive days numbered from 1, or when a day has
     * a name ("Training day"). A talk's `day` is the 1-based position in this list.
     */
    days: z.array(z.object({ date: isoDate, name: bilingual.optional() }).strict()).default([]),
    /** Rooms, in the order the schedule shows them as columns; a talk's `room` is one of these ids. */
    rooms: z.array(labelled).default([]),
    /** Session kinds of this conference beyond the common ones (SESSION_KINDS). */
    kinds: z.array(labelled).default([]),
    /** Sponsor tiers of this conference beyond the common ones (SPONSOR_TIERS), in the order to show them. */
    tiers: z.array(labelled).default([]),
    organizer: z.object({ name: bilingual, url: httpUrl.optional() }).strict(),
    sponsors: z
      .array(
        z
          .object({
            name: bilingual,
            tier: id,
            url: httpUrl.optional(),
          })
          .strict(),
      )
      .default([]),
    links: z.array(link).default([]),
    /** Slots of the schedule that have no review: registration, breaks, meals, the evening party. */
    slots: z
      .array(
        z
          .object({
            day: z.number().int().positive(),
            start: clock,
            end: clock,
            kind: id,
            title: bilingual.optional(),
            /** The room it takes place in; without one, the slot is for everyone (a break across all rooms). */
            room: id.optional(),
            /** Who sponsored this slot (the evening party), shown in the page's language. */
            sponsors: z.array(bilingual).default([]),
          })
          .strict(),
      )
      .default([]),
    source: source.optional(),
  })
  .strict();

export const talkSchema = z
  .object({
    conference: id,
    day: z.number().int().positive(),
    start: clock,
    end: clock,
    /** A room id; its label comes from the conference's `rooms`. Without one, the talk is in the only room. */
    room: z.string().min(1).optional(),
    /** The kind of session (SESSION_KINDS or the conference's own `kinds`). */
    kind: id.default('talk'),
    speakers: z.array(id).min(1, 'needs at least one speaker'),
    title: bilingual,
    /** Languages in which `title` is our translation rather than an official title; pages do not call it official. */
    translatedTitle: z.array(z.enum(LANGS)).default([]),
    tags: z.array(id).default([]),
    slides: httpUrl.refine((url) => slidesFileName(url) !== undefined, 'has a "%" that is not an escape like %20 (write a literal % as %25)').optional(),
    links: z.array(link).default([]),
    /** Languages this talk has no review in yet; their pages say so and point to the other language. */
    untranslated: z.array(z.enum(LANGS)).default([]),
    /** The session's id in the schedule it was imported from (`npm run import` finds the talk again by it). */
    importId: z.string().min(1).optional(),
  })
  .strict();

/** Front matter of a talk review, one Markdown file per language. */
export const reviewSchema = z
  .object({
    heading: z.string().trim().min(1, 'must not be empty'),
    verdict: z.string().trim().min(1, 'must not be empty'),
    /** A short, polite note: a correction where the verified facts differ from the notes, or context. */
    note: z.string().trim().min(1).optional(),
    /**
     * What the note is, for its label: it corrects the notes ("correction"), corrects the official conference page
     * ("official"), or only adds context the notes did not need ("context").
     */
    noteKind: z.enum(['correction', 'official', 'context']).default('correction'),
  })
  .strict();

/** Front matter of a conference summary, one Markdown file per language. */
export const summarySchema = z.object({ title: z.string().trim().min(1).optional() }).strict();

export const speakerSchema = z
  .object({
    name: bilingual,
    romanization: z.string().min(1).optional(),
    /** Other spellings readers search for, including misspellings on official pages. */
    aliases: z.array(z.string().min(1)).default([]),
    /**
     * Affiliations, per conference; a speaker may have several at one conference. `talks` narrows one to some of
     * that conference's talks (a speaker who gave two talks for two employers).
     */
    companies: z
      .array(z.object({ conference: id, name: bilingual, note: bilingual.optional(), talks: z.array(id).optional() }).strict())
      .default([]),
    links: z.array(link).default([]),
  })
  .strict();

export const tagSchema = z
  .object({ id, label: bilingual, description: bilingual })
  .strict();

export const guideSchema = z
  .object({
    conference: id.optional(),
    published: isoDate,
    source: source.optional(),
    /** Topics from tags.yaml, as on talks: the tag's page lists the guide. */
    tags: z.array(id).default([]),
    untranslated: z.array(z.enum(LANGS)).default([]),
  })
  .strict();

/** Front matter of a guide, one Markdown file per language. */
export const guideTextSchema = z
  .object({ title: z.string().trim().min(1), description: z.string().trim().min(1) })
  .strict();

export type Conference = z.infer<typeof conferenceSchema>;
export type Talk = z.infer<typeof talkSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type Speaker = z.infer<typeof speakerSchema>;
export type Tag = z.infer<typeof tagSchema>;
export type Guide = z.infer<typeof guideSchema>;
