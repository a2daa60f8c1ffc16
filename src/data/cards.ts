/**
 * What each share card says, from the loaded site (src/lib/share-card.ts lays it out, share-card-render.ts draws
 * it): a talk's title in the page's language and its other official title when it differs, the speakers with their
 * companies, the conference and the day; a conference's two names, city and dates; a guide's title (and its other
 * language's), kind and date. The pages use the same input for og:image:alt.
 */
import { resolve } from 'node:path';
import { cacheDir, shareCardsEnabled } from '../lib/config.ts';
import { formatDate, joinList, otherLang, useTranslations, withParenthetical } from '../lib/i18n.ts';
import { companyAt, hasLanguage, talksOfConference, type Entry, type Talk } from '../lib/model.ts';
import { localizedUrl, type Route } from '../lib/paths.ts';
import type { Lang } from '../lib/schema.ts';
import { dayDate } from '../lib/schedule.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardAlt, cardTree, cardUrl, type CardInput, type CardNode, type ShareImage } from '../lib/share-card.ts';
import { queueCards } from '../lib/share-card-queue.ts';
import { renderCard } from '../lib/share-card-render.ts';
import { loadSite, type Site } from './site.ts';

const differs = (a: string, b: string): string | undefined => (a.trim() === b.trim() ? undefined : b);

function common(lang: Lang) {
  const t = useTranslations(lang);
  return { lang, siteName: t('site.name'), tagline: t('site.tagline') };
}

export function talkCardInput(site: Site, lang: Lang, talk: Entry<Talk>): CardInput {
  const conference = site.conferences.find((conf) => conf.id === talk.data.conference)!;
  const people = talk.data.speakers.map((id) => site.speakers.find((speaker) => speaker.id === id)!);
  return {
    ...common(lang),
    title: talk.data.title[lang],
    otherTitle: differs(talk.data.title[lang], talk.data.title[otherLang(lang)]),
    byline: joinList(lang, people.map((speaker) => withParenthetical(lang, speaker.data.name[lang], companyAt(speaker.data, conference.id)?.name[lang]))),
    context: `${conference.data.name[lang]} · ${formatDate(lang, dayDate(conference.data, talk.data.day))} ${talk.data.start}`,
  };
}

export function conferenceCardInput(site: Site, lang: Lang, conferenceId: string): CardInput {
  const t = useTranslations(lang);
  const conference = site.conferences.find((conf) => conf.id === conferenceId)!;
  const data = conference.data;
  return {
    ...common(lang),
    title: data.name[lang],
    otherTitle: differs(data.name[lang], data.name[otherLang(lang)]),
    byline: `${data.city[lang]} · ${t('home.talkCount', { n: talksOfConference(site.talks, conference.id).length })}`,
    context: `${formatDate(lang, data.start)} – ${formatDate(lang, data.end)}`,
  };
}

export function guideCardInput(site: Site, lang: Lang, guideId: string): CardInput {
  const t = useTranslations(lang);
  const guide = site.guides.find((entry) => entry.id === guideId)!;
  const textLang = hasLanguage(guide.data, lang) ? lang : otherLang(lang);
  const text = site.guideTexts.get(`${guide.id}/${textLang}`)!.data;
  const other = site.guideTexts.get(`${guide.id}/${otherLang(textLang)}`)?.data;
  const author = guide.data.source?.author.name[lang];
  return {
    ...common(lang),
    title: text.title,
    otherTitle: other && differs(text.title, other.title),
    byline: author ? `${t('share.guide')} · ${author}` : t('share.guide'),
    context: t('guide.published', { date: formatDate(lang, guide.data.published) }),
  };
}

export type CardRoute = Extract<Route, { kind: 'talk' | 'conference' | 'guide' }>;

export async function cardInput(lang: Lang, route: CardRoute): Promise<CardInput> {
  const site = await loadSite();
  if (route.kind === 'talk') return talkCardInput(site, lang, site.talks.find((talk) => talk.id === route.talk && talk.data.conference === route.conference)!);
  if (route.kind === 'conference') return conferenceCardInput(site, lang, route.conference);
  return guideCardInput(site, lang, route.guide);
}

/** The og:image of a page, or none when the build draws no cards (CONFNOTES_SHARE_CARDS=off). */
export async function shareImage(lang: Lang, route: CardRoute, origin: string, base: string = import.meta.env.BASE_URL): Promise<ShareImage | undefined> {
  if (!shareCardsEnabled()) return undefined;
  const input = await cardInput(lang, route);
  return {
    url: cardUrl(new URL(localizedUrl(base, lang, route), origin).href),
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    alt: cardAlt(input, useTranslations(lang)('share.alt')),
  };
}

export async function cardResponse(lang: Lang, route: CardRoute): Promise<Response> {
  const png = await renderCard(cardTree(await cardInput(lang, route)), resolve(cacheDir()));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}

/**
 * getStaticPaths of a card route, given the rows of the pages that show the card. The routes serve cards only under
 * `npm run dev`. In a build they return no path and announce every card to the build instead, which writes each
 * card as a file once the pages are rendered (src/integrations/share-cards.ts): a file copy per cached card where a
 * route would cost a rendered response. Announcing them here rather than from the pages' own rendering means a page
 * the build reuses unchanged from the build before (src/lib/page-keys.ts) still gets its card, and, since Astro asks
 * every route for its paths before it renders a page, that the cards not drawn yet are drawn while the pages render.
 */
export async function cardPaths<T extends { props: { sitePage: { lang: Lang; route: Route } } }>(paths: T[]): Promise<T[]> {
  if (!shareCardsEnabled()) return [];
  if (import.meta.env.DEV) return paths;
  const cards: Array<[string, CardNode]> = [];
  for (const { props } of paths) {
    const { lang, route } = props.sitePage;
    // The output folder has no base.
    cards.push([cardUrl(localizedUrl('', lang, route)), cardTree(await cardInput(lang, route as CardRoute))]);
  }
  queueCards(cards);
  return [];
}
