/**
 * What every page's frontmatter needs, from one call instead of a repeated preamble: its language, the dictionary,
 * the base path, the links JSON-LD and feeds need, and its own URLs.
 *
 *   const { lang, t, base, links, url } = pageContext(Astro);
 */
import { useTranslations } from './i18n.ts';
import { localizedUrl, type Route } from './paths.ts';
import type { Lang } from './site-constants.ts';

export interface PageContextSource {
  params: Record<string, string | undefined>;
  /** The site's origin (astro.config `site`). */
  site?: URL;
}

export function pageContext(astro: PageContextSource, lang = astro.params.lang as Lang) {
  const t = useTranslations(lang);
  const base = import.meta.env.BASE_URL;
  return {
    lang,
    t,
    base,
    /** The site's name and where it lives, for JSON-LD and feeds (src/lib/seo.ts). */
    links: { base, origin: String(astro.site), name: t('site.name') },
    /** A route's URL in this page's language, with the base. */
    url: (route: Route) => localizedUrl(base, lang, route),
  };
}

export type PageContext = ReturnType<typeof pageContext>;
