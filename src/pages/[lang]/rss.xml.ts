/** The RSS feed of one language: its talk reviews and guides, newest first (src/lib/feeds.ts). */
import type { APIRoute } from 'astro';
import { loadPages, loadSite, reviewKey } from '../../data/site.ts';
import { feedItems, rss } from '../../lib/feeds.ts';
import { useTranslations } from '../../lib/i18n.ts';
import { localizedUrl, withBase } from '../../lib/paths.ts';
import { staticPaths } from '../../lib/pages.ts';
import type { Lang } from '../../lib/schema.ts';

/** One feed per language of the home page. */
export async function getStaticPaths() {
  return staticPaths(await loadPages(), 'home').map(({ params, cacheKey }) => ({ params, cacheKey }));
}

export const GET: APIRoute = async ({ params, site: origin }) => {
  const lang = params.lang as Lang;
  const t = useTranslations(lang);
  const base = import.meta.env.BASE_URL;
  const site = await loadSite();
  const absolute = (path: string) => new URL(path, origin).href;
  const items = feedItems({
    lang,
    base,
    origin: String(origin),
    pages: await loadPages(),
    conferences: site.conferences,
    tags: site.tags,
    verdict: (talk, textLang) => site.reviews.get(reviewKey(talk, textLang))?.data.verdict,
    guideText: (guideId, textLang) => site.guideTexts.get(`${guideId}/${textLang}`)?.data,
  });
  const body = rss(
    {
      title: `${t('site.name')} · ${t('feed.title')}`,
      link: absolute(localizedUrl(base, lang, { kind: 'home' })),
      self: absolute(withBase(base, `${lang}/rss.xml`)),
      description: t('home.intro'),
      lang,
    },
    items,
  );
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
