/**
 * Astro collections over the content root. Which files each collection holds and the ids they get (a talk is its
 * folder path "<conference folder>/<talk folder>", a review "<that path>/<lang>") come from
 * src/lib/content-layout.ts; shapes from src/lib/schema.ts. content-check.ts validates the same files first and fails
 * the build with one line per mistake, including references that `reference()` lets through; the loader
 * (src/lib/content-loader.ts) then takes the entries the check read, so each file is read and parsed once.
 */
import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { contentRoot } from './lib/config.ts';
import { contentLoader, type CollectionName } from './lib/content-loader.ts';
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
const loader = (collection: CollectionName) => contentLoader(root, collection);

export const collections = {
  conferences: defineCollection({
    loader: loader('conferences'),
    schema: conferenceSchema,
  }),
  summaries: defineCollection({
    loader: loader('summaries'),
    schema: summarySchema,
  }),
  talks: defineCollection({
    loader: loader('talks'),
    schema: talkSchema.extend({
      conference: reference('conferences'),
      speakers: z.array(reference('speakers')).min(1),
      tags: z.array(reference('tags')).default([]),
    }),
  }),
  reviews: defineCollection({
    loader: loader('reviews'),
    schema: reviewSchema,
  }),
  speakers: defineCollection({
    loader: loader('speakers'),
    schema: speakerSchema.extend({
      companies: z.array(speakerSchema.shape.companies.unwrap().element.extend({ conference: reference('conferences') })).default([]),
    }),
  }),
  tags: defineCollection({
    loader: loader('tags'),
    schema: tagSchema,
  }),
  guides: defineCollection({
    loader: loader('guides'),
    schema: guideSchema.extend({ conference: reference('conferences').optional(), tags: z.array(reference('tags')).default([]) }),
  }),
  guideTexts: defineCollection({
    loader: loader('guideTexts'),
    schema: guideTextSchema,
  }),
};
