/** What the schedule export routes share: the site's program of one conference in one language. */
import type { Lang } from '../lib/schema.ts';
import type { Site } from './site.ts';
import { verdictFor } from './site.ts';
import { programOf } from '../lib/program.ts';
import { localizedUrl } from '../lib/paths.ts';
import { useTranslations } from '../lib/i18n.ts';

export function programFor(site: Site, conferenceId: string, lang: Lang, base: string, origin: string) {
  const conference = site.conferences.find((entry) => entry.id === conferenceId)!;
  const sessions = programOf({
    conference,
    talks: site.talks,
    speakers: site.speakers,
    tags: site.tags,
    lang,
    base,
    origin,
    verdict: (talk) => verdictFor(site, talk, lang)?.text,
  });
  const t = useTranslations(lang);
  return {
    conference,
    sessions,
    conferenceUrl: new URL(localizedUrl(base, lang, { kind: 'conference', conference: conferenceId }), origin).href,
    everyone: conference.data.rooms.length === 0 ? t('conf.mainRoom') : t('conf.allRooms'),
    calendarName: `${conference.data.name[lang]} · ${t('site.name')}`,
    host: new URL(origin).host,
  };
}
