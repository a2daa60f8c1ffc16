/**
 * The llms.txt files from the loaded site (src/lib/llms-txt.ts writes them): the root one pointing to each
 * language's, and per language every conference, talk and guide with a one-line description, linked to the
 * pages' Markdown twins under the deploy base.
 */
import { formatDate, joinList, useTranslations } from '../lib/i18n.ts';
import { LANGUAGE_NAMES, llmsTxt } from '../lib/llms-txt.ts';
import { twinUrl } from '../lib/markdown-twin.ts';
import { talksOfConference } from '../lib/model.ts';
import { localizedUrl, withBase, type Route } from '../lib/paths.ts';
import { LANGS, type Lang } from '../lib/schema.ts';
import { inLanguage, loadSite, verdictFor } from './site.ts';

const base = () => import.meta.env.BASE_URL;

export function rootLlmsTxt(origin: string): string {
  const t = useTranslations('en');
  return llmsTxt({
    title: t('site.name'),
    summary: `${useTranslations('zh')('site.tagline')} · ${t('site.tagline')}`,
    sections: [
      {
        title: `${t('llms.languages')} · ${useTranslations('zh')('llms.languages')}`,
        links: LANGS.map((lang) => ({
          title: LANGUAGE_NAMES[lang],
          url: new URL(withBase(base(), `${lang}/llms.txt`), origin).href,
          description: useTranslations(lang)('llms.summary'),
        })),
      },
    ],
  });
}

export async function languageLlmsTxt(lang: Lang, origin: string): Promise<string> {
  const site = await loadSite();
  const t = useTranslations(lang);
  const twin = (route: Route) => twinUrl(new URL(localizedUrl(base(), lang, route), origin).href);
  const speakerNames = (ids: readonly string[]) => joinList(lang, ids.map((id) => site.speakers.find((speaker) => speaker.id === id)?.data.name[lang] ?? id));
  return llmsTxt({
    title: `${t('site.name')} · ${LANGUAGE_NAMES[lang]}`,
    summary: t('llms.summary'),
    sections: [
      {
        title: t('llms.conferences'),
        links: site.conferences.map((conf) => ({
          title: conf.data.name[lang],
          url: twin({ kind: 'conference', conference: conf.id }),
          description: `${conf.data.city[lang]} · ${formatDate(lang, conf.data.start)} – ${formatDate(lang, conf.data.end)} · ${t('home.talkCount', { n: talksOfConference(site.talks, conf.id).length })}`,
        })),
      },
      {
        title: t('llms.talks'),
        links: site.talks.map((talk) => {
          const conference = site.conferences.find((conf) => conf.id === talk.data.conference)!;
          const verdict = verdictFor(site, talk, lang)?.text;
          return {
            title: talk.data.title[lang],
            url: twin({ kind: 'talk', conference: conference.id, talk: talk.id }),
            description: [speakerNames(talk.data.speakers), conference.data.name[lang], verdict].filter(Boolean).join(' · '),
          };
        }),
      },
      {
        title: t('llms.guides'),
        links: site.guides.map((guide) => {
          const text = inLanguage(site.guideTexts, guide.id, lang)?.entry.data;
          return { title: text?.title ?? guide.id, url: twin({ kind: 'guide', guide: guide.id }), description: text?.description };
        }),
      },
    ],
  });
}
