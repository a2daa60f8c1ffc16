/**
 * Astro collections over the content root. Ids come from paths: a talk is its folder path under talks/
 * ("gopherchina-2016/baidu-bfe", so two conferences may each have a "keynote"), a review is "<that path>/<lang>";
 * src/data/site.ts turns them into the talk's own id plus its conference. Shapes come from src/lib/schema.ts; content-check.ts validates the same files first and
 * fails the build with one line per mistake, including references that `reference()` lets through.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentRoot } from './lib/config.ts';
import {
  conferenceSchema,
  guideSchema,
  guideTextSchema,
  reviewSchema,
  speakerSchema,
  summarySchema,
  tagSchema,
  talkSchema,
} from './lib/schema.ts';

const root = contentRoot();
const folderOf = (entry: string): string => entry.split('/').at(-2)!;
const folderAndLang = (entry: string): string => `${folderOf(entry)}/${entry.split('/').at(-1)!.replace(/\.md$/, '')}`;
/** "gopherchina-2016/baidu-bfe/talk.yaml" -> "gopherchina-2016/baidu-bfe"; "…/zh.md" -> "…/baidu-bfe/zh". */
const talkPath = (entry: string): string => entry.split('/').slice(0, -1).join('/');
const talkPathAndLang = (entry: string): string => `${talkPath(entry)}/${entry.split('/').at(-1)!.replace(/\.md$/, '')}`;

export const collections = {
  conferences: defineCollection({
    loader: glob({ base: `${root}/conferences`, pattern: '*/conference.yaml', generateId: ({ entry }) => folderOf(entry) }),
    schema: conferenceSchema,
  }),
  summaries: defineCollection({
    loader: glob({ base: `${root}/conferences`, pattern: '*/{zh,en}.md', generateId: ({ entry }) => folderAndLang(entry) }),
    schema: summarySchema,
  }),
  talks: defineCollection({
    loader: glob({ base: `${root}/talks`, pattern: '**/talk.yaml', generateId: ({ entry }) => talkPath(entry) }),
    schema: talkSchema.extend({
      conference: reference('conferences'),
      speakers: z.array(reference('speakers')).min(1),
      tags: z.array(reference('tags')).default([]),
    }),
  }),
  reviews: defineCollection({
    loader: glob({ base: `${root}/talks`, pattern: '**/{zh,en}.md', generateId: ({ entry }) => talkPathAndLang(entry) }),
    schema: reviewSchema,
  }),
  speakers: defineCollection({
    loader: glob({ base: `${root}/speakers`, pattern: '*.{yaml,yml}', generateId: ({ entry }) => entry.replace(/\.ya?ml$/, '') }),
    schema: speakerSchema.extend({
      companies: z.array(speakerSchema.shape.companies.unwrap().element.extend({ conference: reference('conferences') })).default([]),
    }),
  }),
  tags: defineCollection({
    loader: file(`${root}/tags.yaml`),
    schema: tagSchema,
  }),
  guides: defineCollection({
    loader: glob({ base: `${root}/guides`, pattern: '*/guide.yaml', generateId: ({ entry }) => folderOf(entry) }),
    schema: guideSchema.extend({ conference: reference('conferences').optional() }),
  }),
  guideTexts: defineCollection({
    loader: glob({ base: `${root}/guides`, pattern: '*/{zh,en}.md', generateId: ({ entry }) => folderAndLang(entry) }),
    schema: guideTextSchema,
  }),
};
