/**
 * What a page tells crawlers and link previews: Open Graph and Twitter tags, and JSON-LD (schema.org) objects:
 * `Event` for a conference (its talks as sub-events), `Review` of the talk (itself an `Event`) for a talk page,
 * `TechArticle` for a guide, `WebSite` for a home page. Pure: callers pass plain entries and absolute URLs.
 */
import type { Lang } from './schema.ts';
import type { Conference, Entry, Guide, Speaker, Talk } from './model.ts';
import { htmlLang } from './i18n.ts';
import { isoAt } from './schedule.ts';
import { localizedUrl, type Route } from './paths.ts';

export const SCHEMA = 'https://schema.org';

/** Open Graph wants language_TERRITORY. */
export const ogLocale: Record<Lang, string> = { zh: 'zh_CN', en: 'en_US' };

export type MetaTag = { property: string; content: string } | { name: string; content: string };

export interface SocialInput {
  siteName: string;
  title: string;
  description?: string;
  /** Absolute canonical URL; none for pages without one (404). */
  url?: string;
  lang: Lang;
  /** The other languages the page exists in. */
  alternates?: readonly Lang[];
  type?: 'website' | 'article';
  /** ISO date or date-time, for articles. */
  published?: string;
  /** The page's share card (src/lib/share-card.ts): absolute URL, size and text alternative. */
  image?: { url: string; width: number; height: number; alt: string };
}

/** Open Graph and Twitter tags. Pages with a share card get the large-image Twitter card; others the plain "summary". */
export function socialTags(input: SocialInput): MetaTag[] {
  const tags: MetaTag[] = [
    { property: 'og:site_name', content: input.siteName },
    { property: 'og:type', content: input.type ?? 'website' },
    { property: 'og:title', content: input.title },
  ];
  if (input.description) tags.push({ property: 'og:description', content: input.description });
  if (input.url) tags.push({ property: 'og:url', content: input.url });
  tags.push({ property: 'og:locale', content: ogLocale[input.lang] });
  for (const lang of input.alternates ?? []) if (lang !== input.lang) tags.push({ property: 'og:locale:alternate', content: ogLocale[lang] });
  if (input.type === 'article' && input.published) tags.push({ property: 'article:published_time', content: input.published });
  if (input.image) {
    tags.push(
      { property: 'og:image', content: input.image.url },
      { property: 'og:image:type', content: 'image/png' },
      { property: 'og:image:width', content: String(input.image.width) },
      { property: 'og:image:height', content: String(input.image.height) },
      { property: 'og:image:alt', content: input.image.alt },
    );
  }
  tags.push({ name: 'twitter:card', content: input.image ? 'summary_large_image' : 'summary' }, { name: 'twitter:title', content: input.title });
  if (input.description) tags.push({ name: 'twitter:description', content: input.description });
  if (input.image) tags.push({ name: 'twitter:image', content: input.image.url }, { name: 'twitter:image:alt', content: input.image.alt });
  return tags;
}

export type JsonLd = Record<string, unknown>;

/**
 * JSON for a <script type="application/ld+json"> element. `<`, `>` and `&` are escaped so no text from the content
 * can close the element or start markup; U+2028/2029 so the text is also a valid JavaScript string.
 */
export function jsonLdText(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Where the site lives: Astro's BASE_URL and `site` origin, to build absolute URLs. */
export interface SiteLinks {
  base: string;
  origin: string;
  /** The site's name, for publisher objects. */
  name: string;
}

export const absoluteUrl = (links: SiteLinks, lang: Lang, route: Route): string => new URL(localizedUrl(links.base, lang, route), links.origin).href;

const publisher = (links: SiteLinks, lang: Lang): JsonLd => ({ '@type': 'Organization', name: links.name, url: absoluteUrl(links, lang, { kind: 'home' }) });

type Source = NonNullable<Conference['source']>;

/** The person whose notes a page is adapted from: the author of its reviews or guide. */
const sourceAuthor = (source: Source, lang: Lang): JsonLd => ({ '@type': 'Person', name: source.author.name[lang], url: source.author.url });

function place(conference: Conference, lang: Lang): JsonLd {
  return {
    '@type': 'Place',
    name: conference.venue[lang],
    address: { '@type': 'PostalAddress', addressLocality: conference.city[lang] },
  };
}

function person(speaker: Entry<Speaker>, lang: Lang, links: SiteLinks): JsonLd {
  return {
    '@type': 'Person',
    name: speaker.data.name[lang],
    url: absoluteUrl(links, lang, { kind: 'speaker', speaker: speaker.id }),
    ...(speaker.data.links.length > 0 ? { sameAs: speaker.data.links.map((link) => link.url) } : {}),
  };
}

/** A talk as an event inside its conference; its speakers as performers. */
export function talkEvent(conference: Entry<Conference>, talk: Entry<Talk>, speakers: readonly Entry<Speaker>[], lang: Lang, links: SiteLinks): JsonLd {
  const data = conference.data;
  return {
    '@type': 'Event',
    name: talk.data.title[lang],
    startDate: isoAt(data, talk.data.day, talk.data.start),
    endDate: isoAt(data, talk.data.day, talk.data.end),
    eventStatus: `${SCHEMA}/EventScheduled`,
    eventAttendanceMode: `${SCHEMA}/OfflineEventAttendanceMode`,
    location: place(data, lang),
    performer: talk.data.speakers.flatMap((id) => speakers.filter((speaker) => speaker.id === id)).map((speaker) => person(speaker, lang, links)),
    url: absoluteUrl(links, lang, { kind: 'talk', conference: conference.id, talk: talk.id }),
  };
}

export interface ConferenceInput {
  conference: Entry<Conference>;
  /** The conference's talks, in schedule order. */
  talks: readonly Entry<Talk>[];
  speakers: readonly Entry<Speaker>[];
  lang: Lang;
  links: SiteLinks;
}

/**
 * The conference as an `Event`, its talks as sub-events. The organizer's @type is "Organization": conference.yaml
 * does not say whether the organizer is a person or a body, and schema.org accepts either.
 */
export function conferenceEvent({ conference, talks, speakers, lang, links }: ConferenceInput): JsonLd {
  const data = conference.data;
  return {
    '@context': SCHEMA,
    '@type': 'Event',
    name: data.name[lang],
    startDate: data.start,
    endDate: data.end,
    eventStatus: `${SCHEMA}/EventScheduled`,
    eventAttendanceMode: `${SCHEMA}/OfflineEventAttendanceMode`,
    location: place(data, lang),
    organizer: { '@type': 'Organization', name: data.organizer.name[lang], ...(data.organizer.url ? { url: data.organizer.url } : {}) },
    ...(data.sponsors.length > 0
      ? { sponsor: data.sponsors.map((sponsor) => ({ '@type': 'Organization', name: sponsor.name[lang], ...(sponsor.url ? { url: sponsor.url } : {}) })) }
      : {}),
    inLanguage: htmlLang[lang],
    url: absoluteUrl(links, lang, { kind: 'conference', conference: conference.id }),
    subEvent: talks.map((talk) => talkEvent(conference, talk, speakers, lang, links)),
  };
}

export interface TalkReviewInput {
  conference: Entry<Conference>;
  talk: Entry<Talk>;
  speakers: readonly Entry<Speaker>[];
  lang: Lang;
  /** The language the review is written in (the other one when this language has none yet). */
  reviewLang: Lang;
  review: { heading: string; verdict: string };
  links: SiteLinks;
}

/**
 * A talk page: a `Review` whose item is the talk, an `Event` that is part of the conference. The review's author is
 * the person whose notes the conference's pages are adapted from, when there is one; otherwise the site.
 */
export function talkReview({ conference, talk, speakers, lang, reviewLang, review, links }: TalkReviewInput): JsonLd {
  const source = conference.data.source;
  const data = conference.data;
  return {
    '@context': SCHEMA,
    '@type': 'Review',
    name: review.heading,
    reviewBody: review.verdict,
    inLanguage: htmlLang[reviewLang],
    // The review's own page: in its own language, which is the canonical one when this language has no review.
    url: absoluteUrl(links, reviewLang, { kind: 'talk', conference: conference.id, talk: talk.id }),
    author: source ? sourceAuthor(source, lang) : publisher(links, lang),
    ...(source ? { datePublished: source.published, isBasedOn: source.url } : {}),
    publisher: publisher(links, lang),
    itemReviewed: {
      ...talkEvent(conference, talk, speakers, lang, links),
      superEvent: {
        '@type': 'Event',
        name: data.name[lang],
        startDate: data.start,
        endDate: data.end,
        location: place(data, lang),
        url: absoluteUrl(links, lang, { kind: 'conference', conference: conference.id }),
      },
    },
  };
}

export interface GuideInput {
  guide: Entry<Guide>;
  lang: Lang;
  /** The language the text is written in. */
  textLang: Lang;
  text: { title: string; description: string };
  links: SiteLinks;
}

/** A guide: a `TechArticle` (it explains a setup; its steps are prose with files, not HowTo steps). */
export function guideArticle({ guide, lang, textLang, text, links }: GuideInput): JsonLd {
  const source = guide.data.source;
  const url = absoluteUrl(links, textLang, { kind: 'guide', guide: guide.id });
  return {
    '@context': SCHEMA,
    '@type': 'TechArticle',
    headline: text.title,
    description: text.description,
    inLanguage: htmlLang[textLang],
    datePublished: guide.data.published,
    url,
    mainEntityOfPage: url,
    author: source ? sourceAuthor(source, lang) : publisher(links, lang),
    ...(source ? { isBasedOn: source.url } : {}),
    publisher: publisher(links, lang),
  };
}

/** A home page: the site itself. */
export function webSite(links: SiteLinks, lang: Lang, description: string): JsonLd {
  return { '@context': SCHEMA, '@type': 'WebSite', name: links.name, url: absoluteUrl(links, lang, { kind: 'home' }), description, inLanguage: htmlLang[lang] };
}
