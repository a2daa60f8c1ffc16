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

const httpUrl = z
  .string()
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

/** ISO 8601 date-time with an explicit offset, e.g. 2016-04-16T09:00:00+08:00. */
const isoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?[+-]\d{2}:\d{2}$/, 'must be ISO 8601 with an offset, e.g. 2016-04-16T09:00:00+08:00')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'is not a real date and time');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'is not a real date');

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

export const conferenceSchema = z
  .object({
    name: bilingual,
    edition: z.number().int().positive(),
    city: bilingual,
    venue: bilingual,
    start: isoDateTime,
    end: isoDateTime,
    organizer: z.object({ name: bilingual, url: httpUrl.optional() }).strict(),
    sponsors: z
      .array(
        z
          .object({
            name: bilingual,
            tier: z.enum(['co-organizer', 'diamond', 'platinum', 'gold', 'silver', 'partner']),
            url: httpUrl.optional(),
          })
          .strict(),
      )
      .default([]),
    links: z.array(link).default([]),
    /** Slots of the schedule that are not talks: registration, breaks, the evening party. */
    slots: z
      .array(
        z
          .object({
            day: z.number().int().positive(),
            start: clock,
            end: clock,
            kind: z.enum(['registration', 'opening', 'welcome', 'break', 'lunch', 'party']),
            title: bilingual.optional(),
            sponsors: z.array(z.string()).default([]),
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
    room: z.string().min(1).default('main'),
    speakers: z.array(id).min(1, 'needs at least one speaker'),
    title: bilingual,
    tags: z.array(id).default([]),
    slides: httpUrl.refine((url) => slidesFileName(url) !== undefined, 'has a "%" that is not an escape like %20 (write a literal % as %25)').optional(),
    links: z.array(link).default([]),
    /** Languages this talk has no review in yet; their pages say so and point to the other language. */
    untranslated: z.array(z.enum(LANGS)).default([]),
  })
  .strict();

/** Front matter of a talk review, one Markdown file per language. */
export const reviewSchema = z
  .object({
    heading: z.string().trim().min(1, 'must not be empty'),
    verdict: z.string().trim().min(1, 'must not be empty'),
    /** A short, polite correction where the verified facts differ from the notes. */
    note: z.string().trim().min(1).optional(),
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
    companies: z
      .array(z.object({ conference: id, name: bilingual, note: bilingual.optional() }).strict())
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
