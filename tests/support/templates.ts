/** Which template built each page, and the sample pages of each: shared with `npm run audit`, so it lives beside it. */
export { READING_TEMPLATES, samplePages, TEMPLATES, templateOf, type PageLang, type SamplePage, type Template } from '../../scripts/lib/templates.ts';
