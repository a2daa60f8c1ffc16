/**
 * Every internal URL of the site, built in one place so that a deploy under a sub-path (`base`) and the language
 * prefix never drift apart. `base` is Astro's `import.meta.env.BASE_URL`; callers pass it in to keep this pure.
 */
import type { Lang } from './schema.ts';

/** Routes that share the first path segment with conferences; a conference may not take one of these ids. */
export const RESERVED_IDS = ['speakers', 'tags', 'guides', 'search', 'files'] as const;

export type Route =
  | { kind: 'home' }
  | { kind: 'conference'; conference: string }
  | { kind: 'talk'; conference: string; talk: string }
  | { kind: 'speakers' }
  | { kind: 'speaker'; speaker: string }
  | { kind: 'tags' }
  | { kind: 'tag'; tag: string }
  | { kind: 'guide'; guide: string }
  | { kind: 'search' }
  | { kind: 'scheduleData'; conference: string; format: ScheduleFormat }
  | { kind: 'talkCalendar'; conference: string; talk: string };

/** The schedule exports of a conference, per language: file name and media type. */
export const SCHEDULE_FORMATS = {
  json: { file: 'schedule.json', type: 'application/json' },
  xml: { file: 'schedule.xml', type: 'application/xml' },
  ics: { file: 'schedule.ics', type: 'text/calendar' },
} as const;
export type ScheduleFormat = keyof typeof SCHEDULE_FORMATS;

export function routePath(route: Route): string {
  switch (route.kind) {
    case 'home':
      return '';
    case 'conference':
      return `${route.conference}/`;
    case 'talk':
      return `${route.conference}/${route.talk}/`;
    case 'speakers':
      return 'speakers/';
    case 'speaker':
      return `speakers/${route.speaker}/`;
    case 'tags':
      return 'tags/';
    case 'tag':
      return `tags/${route.tag}/`;
    case 'guide':
      return `guides/${route.guide}/`;
    case 'search':
      return 'search/';
    case 'scheduleData':
      return `${route.conference}/${SCHEDULE_FORMATS[route.format].file}`;
    case 'talkCalendar':
      return `${route.conference}/${route.talk}/calendar.ics`;
  }
}

/** Joins the base and a path with exactly one slash between them, keeping the trailing slash of directory URLs. */
export function withBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return head + path.replace(/^\/+/, '');
}

export function localizedUrl(base: string, lang: Lang, route: Route): string {
  return withBase(base, `${lang}/${routePath(route)}`);
}

/**
 * The same page in the other language: swaps the language segment right after the base.
 * Used by the language switcher and the hreflang alternates, so both always agree.
 */
export function switchLangPath(base: string, pathname: string, to: Lang): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  const rest = pathname.startsWith(head) ? pathname.slice(head.length) : pathname.replace(/^\/+/, '');
  const [, ...tail] = rest.split('/');
  return head + [to, ...tail].join('/');
}
