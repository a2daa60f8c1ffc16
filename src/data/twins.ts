/**
 * The Markdown twin of each page, from the loaded site: picks the same text the page shows (its language, or the
 * other one for a stand-in), reads embedded files through the page's own resolution, and hands plain data to the
 * pure writers of src/lib/markdown-twin.ts. The twin routes are one line each on top of this.
 */
import { basename, resolve } from 'node:path';
import { contentRoot } from '../lib/config.ts';
import { fileUrl, readEmbed } from '../lib/embed.ts';
import { otherLang, useTranslations } from '../lib/i18n.ts';
import { conferenceTwin, fillEmbeds, guideTwin, speakerTwin, tagTwin, talkTwin, type ListedTalk, type TwinContext } from '../lib/markdown-twin.ts';
import { guidesByTag, hasLanguage, talksBySpeaker, talksByTag, timeline, type Entry, type Talk } from '../lib/model.ts';
import { localizedUrl, type Route } from '../lib/paths.ts';
import type { Lang } from '../lib/schema.ts';
import { inLanguage, loadSite, reviewKey, verdictFor, type Site } from './site.ts';

interface Ctx extends TwinContext {
  origin: string;
  base: string;
}

export function twinContext(lang: Lang, origin: string, base: string = import.meta.env.BASE_URL): Ctx {
  return { lang, origin, base, url: (to: Lang, route: Route) => new URL(localizedUrl(base, to, route), origin).href };
}

/** A Markdown body with its embedded files filled in, read relative to the Markdown file inside the content root. */
function bodyOf(ctx: Ctx, entry: { body?: string; filePath?: string }): string {
  const root = resolve(contentRoot());
  const markdownPath = resolve(entry.filePath ?? root);
  const t = useTranslations(ctx.lang);
  return fillEmbeds(
    entry.body ?? '',
    (path) => {
      const { absolute, underContent, text } = readEmbed(root, markdownPath, path);
      return { name: basename(absolute), text, url: new URL(fileUrl(ctx.base, underContent), ctx.origin).href };
    },
    (name) => t('code.downloadFile', { name }),
  ).trim();
}

const listed = (site: Site, lang: Lang, talks: readonly Entry<Talk>[]): ListedTalk[] =>
  talks.map((talk) => ({ talk, conference: site.conferences.find((conf) => conf.id === talk.data.conference)!, verdict: verdictFor(site, talk, lang)?.text }));

export async function talkMarkdown(lang: Lang, origin: string, talk: Entry<Talk>): Promise<string> {
  const site = await loadSite();
  const ctx = twinContext(lang, origin);
  // The page's rule: its own language, or the other one when the talk is declared untranslated.
  const reviewLang = hasLanguage(talk.data, lang) ? lang : otherLang(lang);
  const review = { lang: reviewLang, entry: site.reviews.get(reviewKey(talk, reviewLang))! };
  return talkTwin({
    ctx,
    conference: site.conferences.find((conf) => conf.id === talk.data.conference)!,
    talk,
    speakers: site.speakers,
    tags: site.tags,
    review: { lang: review.lang, ...review.entry.data, body: bodyOf(ctx, review.entry) },
  });
}

export async function conferenceMarkdown(lang: Lang, origin: string, conferenceId: string): Promise<string> {
  const site = await loadSite();
  const ctx = twinContext(lang, origin);
  const conference = site.conferences.find((conf) => conf.id === conferenceId)!;
  const summary = inLanguage(site.summaries, conference.id, lang);
  return conferenceTwin({
    ctx,
    conference,
    days: timeline(conference, site.talks),
    speakers: site.speakers,
    summary: summary && { lang: summary.lang, body: bodyOf(ctx, summary.entry) },
  });
}

export async function guideMarkdown(lang: Lang, origin: string, guideId: string): Promise<string> {
  const site = await loadSite();
  const ctx = twinContext(lang, origin);
  const guide = site.guides.find((entry) => entry.id === guideId)!;
  const textLang = hasLanguage(guide.data, lang) ? lang : otherLang(lang);
  const text = { lang: textLang, entry: site.guideTexts.get(`${guide.id}/${textLang}`)! };
  return guideTwin({ ctx, guide, text: { lang: text.lang, ...text.entry.data, body: bodyOf(ctx, text.entry) } });
}

export async function speakerMarkdown(lang: Lang, origin: string, speakerId: string): Promise<string> {
  const site = await loadSite();
  const speaker = site.speakers.find((entry) => entry.id === speakerId)!;
  return speakerTwin({ ctx: twinContext(lang, origin), speaker, talks: listed(site, lang, talksBySpeaker(site.talks).get(speaker.id) ?? []), speakers: site.speakers });
}

export async function tagMarkdown(lang: Lang, origin: string, tagId: string): Promise<string> {
  const site = await loadSite();
  const tag = site.tags.find((entry) => entry.id === tagId)!;
  const guides = (guidesByTag(site.guides).get(tag.id) ?? []).flatMap((guide) => {
    const text = inLanguage(site.guideTexts, guide.id, lang)?.entry.data;
    return text ? [{ guide, title: text.title, description: text.description }] : [];
  });
  return tagTwin({ ctx: twinContext(lang, origin), tag, talks: listed(site, lang, talksByTag(site.talks).get(tag.id) ?? []), speakers: site.speakers, guides });
}

/** The response for a twin: Markdown, UTF-8 (RFC 7763). */
export const markdownResponse = (text: string): Response => new Response(text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
