/**
 * Markdown twins: every talk, conference, guide, speaker and tag page has a plain Markdown version beside it, for
 * assistants and for readers who paste notes elsewhere. A twin holds what the page's reader reads, in the page's
 * language: the title, the facts as a list (links as Markdown links, absolute URLs), the review, summary or guide
 * body as the author wrote it with every embedded file filled in byte for byte, and the credit.
 *
 * The URL follows the llmstxt.org proposal: a page at a directory URL `…/baidu-bfe/` has its twin at
 * `…/baidu-bfe/index.html.md`, in the same folder as the page's index.html.
 *
 * Pure: callers pass plain entries, the body text, a reader for embedded files and a URL builder.
 */
import type { Lang } from './schema.ts';
import type { Conference, Entry, Guide, Speaker, Tag, Talk } from './model.ts';
import { companiesAt, companyAt, dayName, kindLabel, officialTitles, roomLabel, tierLabel } from './model.ts';
import { formatDate, joinList, otherLang, useTranslations, withParenthetical, type UiKey } from './i18n.ts';
import { dayDate } from './schedule.ts';
import { fillTemplate } from './template.ts';
import { parseFenceMeta } from './embed.ts';
import { zoneLabel } from './calendar.ts';
import type { Route } from './paths.ts';

/** The twin of the page at a directory URL (with or without origin): `<page>/index.html.md`. */
export const TWIN_FILE = 'index.html.md';
export const twinUrl = (pageUrl: string): string => `${pageUrl.endsWith('/') ? pageUrl : `${pageUrl}/`}${TWIN_FILE}`;

// ---------- Markdown text ----------

/** Text that Markdown would otherwise read as markup: backslash-escape the characters that start or end inline syntax. */
export const mdText = (text: string): string => text.replace(/([\\`*_[\]<>|])/g, '\\$1');

/** A Markdown link; the URL in angle brackets when it has spaces or parentheses, so it stays one destination. */
export function mdLink(text: string, url: string): string {
  const destination = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  return `[${mdText(text)}](${destination})`;
}

/** A backtick fence longer than any run of backticks at the start of a line of `text`, so the text cannot close it. */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const match of text.matchAll(/^[ \t]*(`{3,})/gm)) longest = Math.max(longest, match[1].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** An embedded file as the twin shows it: its name, its bytes in a fence (indented like the original fence). */
export interface EmbeddedFile {
  /** The file's name, shown as the fence's title. */
  name: string;
  /** The file's text, exactly as on disk. */
  text: string;
  /** Absolute URL of its byte-identical download. */
  url: string;
}

/**
 * The author's Markdown with every ```` ```lang file="files/x" ```` fence filled with the file it names (`read`
 * resolves the path the same way the page's embed plugin does). Everything else is left byte for byte as written.
 * A fenced block ends with a newline in Markdown, so a file without a final newline reads back with one; the
 * download link under the block gives the exact bytes.
 */
export function fillEmbeds(body: string, read: (path: string) => EmbeddedFile, downloadLabel: (name: string) => string): string {
  const lines = body.split('\n');
  const out: string[] = [];
  // A fence line: its container prefix (indent, blockquote markers), the fence, the info string.
  const FENCE = /^(\s*(?:>\s?)*)(`{3,}|~{3,})\s*([\w+-]*)\s*(.*)$/;
  const closes = (line: string, marker: string) => {
    const match = FENCE.exec(line);
    return match !== null && match[2][0] === marker[0] && match[2].length >= marker.length && match[3] === '' && match[4] === '';
  };
  let open: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (open) {
      out.push(line);
      if (closes(line, open)) open = undefined;
      continue;
    }
    const fence = FENCE.exec(line);
    const path = fence ? parseFenceMeta(fence[4]).file : undefined;
    if (!fence || !path) {
      out.push(line);
      if (fence) open = fence[2];
      continue;
    }
    const [, indent, marker, lang] = fence;
    // Skip the (empty) original block up to its closing fence.
    let end = index + 1;
    while (end < lines.length && !closes(lines[end], marker)) end++;
    index = end;
    const file = read(path);
    const fenceMark = fenceFor(file.text);
    const content = file.text.replace(/\n$/, '');
    const prefix = (text: string) => (text === '' ? indent.replace(/\s+$/, '') : indent + text);
    out.push(`${indent}${fenceMark}${lang}${lang ? ' ' : ''}title="${file.name.replace(/"/g, '')}"`);
    if (file.text !== '') out.push(...content.split('\n').map(prefix));
    out.push(`${indent}${fenceMark}`, prefix(''), prefix(mdLink(downloadLabel(file.name), file.url)));
  }
  return out.join('\n');
}

// ---------- shared pieces ----------

export interface TwinContext {
  lang: Lang;
  /** Absolute URL of a route in a language. */
  url: (lang: Lang, route: Route) => string;
}

type Source = NonNullable<Conference['source']>;
type LinkItem = Talk['links'][number];

const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');
const label = (link: LinkItem, lang: Lang) => (typeof link.label === 'string' ? link.label : link.label[lang]);
const fact = (lang: Lang, name: string, value: string) => `- **${mdText(name)}**${value ? colon(lang) + value : colon(lang).trimEnd()}`;

/** The credit line of the page, with the author and the original post as links. */
export function creditLine(lang: Lang, source: Source, key: 'credit.text' | 'credit.list' | 'credit.guide' = 'credit.text'): string {
  const t = useTranslations(lang);
  return fillTemplate(t(key), ['author', 'title', 'date'])
    .map((part) =>
      part.type === 'text'
        ? mdText(part.value)
        : part.name === 'author'
          ? mdLink(source.author.name[lang], source.author.url)
          : part.name === 'title'
            ? mdLink(lang === 'en' ? `“${source.title}”` : source.title, source.url)
            : formatDate(lang, source.published),
    )
    .join('');
}

/** The notice a page shows when its text is in the other language, with the link to the original. */
function untranslatedNotice(lang: Lang, original: string): string {
  const t = useTranslations(lang);
  return `> ${mdText(t('talk.untranslated'))} ${mdLink(t('talk.readOriginal'), original)}`;
}

const join = (blocks: Array<string | undefined | false>): string =>
  `${blocks
    .filter((block): block is string => typeof block === 'string' && block.trim() !== '')
    .map((block) => block.replace(/\s+$/, ''))
    .join('\n\n')}\n`;

function speakerLine(ctx: TwinContext, speaker: Entry<Speaker>, conference: string, talk?: string): string {
  const { lang } = ctx;
  const company = joinList(lang, companiesAt(speaker.data, conference, talk).map((entry) => entry.name[lang])) || undefined;
  return [
    mdLink(speaker.data.name[lang], ctx.url(lang, { kind: 'speaker', speaker: speaker.id })) + mdText(withParenthetical(lang, '', company)),
    ...speaker.data.links.map((link) => mdLink(label(link, lang), link.url)),
  ].join(' · ');
}

const tagLinks = (ctx: TwinContext, ids: readonly string[], tags: readonly Entry<Tag>[]): string =>
  ids.map((id) => mdLink(tags.find((tag) => tag.id === id)?.data.label[ctx.lang] ?? id, ctx.url(ctx.lang, { kind: 'tag', tag: id }))).join(ctx.lang === 'zh' ? '、' : ', ');

const linkList = (lang: Lang, links: readonly LinkItem[]): string => links.map((link) => mdLink(label(link, lang), link.url)).join(lang === 'zh' ? '、' : ', ');

/** The file name shown for a slides URL, as the page shows it. */
export const slidesName = (url: string): string => decodeURIComponent(url.split('/').at(-1)!);

// ---------- talk ----------

export interface TalkTwinInput {
  ctx: TwinContext;
  conference: Entry<Conference>;
  talk: Entry<Talk>;
  speakers: readonly Entry<Speaker>[];
  tags: readonly Entry<Tag>[];
  /** The review shown on the page: in the page's language, or the other one when the talk has none yet. */
  review: { lang: Lang; heading: string; verdict: string; note?: string; noteKind?: string; body: string };
  /** A room name to show, if the talk has one worth naming. */
  room?: string;
}

export function talkTwin({ ctx, conference, talk, speakers, tags, review, room }: TalkTwinInput): string {
  const { lang } = ctx;
  const t = useTranslations(lang);
  const data = talk.data;
  const people = data.speakers.map((id) => speakers.find((speaker) => speaker.id === id)).filter((speaker) => speaker !== undefined);
  const talkRoute: Route = { kind: 'talk', conference: conference.id, talk: talk.id };
  const official = officialTitles(data);
  const ours = (['zh', 'en'] as const).filter((code) => data.translatedTitle.includes(code));
  const roomName = room ?? roomLabel(conference.data, data.room, lang);
  const dayText = dayName(conference.data, data.day, lang) ?? t('conf.day', { n: data.day });
  const facts = [
    fact(lang, t('markdown.conference'), mdLink(conference.data.name[lang], ctx.url(lang, { kind: 'conference', conference: conference.id }))),
    fact(lang, official.length > 1 ? t('talk.officialTitles') : t('talk.officialTitle'), ''),
    ...official.map((entry) => `  - ${mdText(t(entry.lang === 'zh' ? 'talk.officialZh' : 'talk.officialEn'))}${colon(lang)}${mdText(entry.title)}`),
    ...(ours.length > 0 ? [fact(lang, t('talk.ourTranslation'), ours.map((code) => mdText(data.title[code])).join(' '))] : []),
    fact(lang, t('talk.speakers'), people.length === 1 ? speakerLine(ctx, people[0], conference.id, talk.id) : ''),
    ...(people.length > 1 ? people.map((speaker) => `  - ${speakerLine(ctx, speaker, conference.id, talk.id)}`) : []),
    fact(
      lang,
      t('talk.when'),
      `${dayText} · ${formatDate(lang, dayDate(conference.data, data.day))} · ${data.start}–${data.end} ${mdText(zoneLabel(conference.data))} ${mdLink(t('talk.calendar'), ctx.url(lang, { kind: 'talkCalendar', conference: conference.id, talk: talk.id }))}`,
    ),
    ...(roomName ? [fact(lang, t('talk.room'), mdText(roomName))] : []),
    ...(data.tags.length > 0 ? [fact(lang, t('talk.tags'), tagLinks(ctx, data.tags, tags))] : []),
    ...(data.slides ? [fact(lang, t('talk.slides'), mdLink(slidesName(data.slides), data.slides))] : []),
    ...(data.links.length > 0 ? [fact(lang, t('talk.links'), linkList(lang, data.links))] : []),
  ];
  const reviewColon = colon(review.lang);
  return join([
    `# ${mdText(data.title[lang])}`,
    facts.join('\n'),
    review.lang !== lang && untranslatedNotice(lang, ctx.url(review.lang, talkRoute)),
    `## ${mdText(review.heading)}`,
    `**${mdText(t('talk.verdict'))}**${reviewColon}${review.verdict}`,
    review.note && `> **${mdText(t(`talk.note.${review.noteKind ?? 'correction'}` as UiKey))}**${reviewColon}${review.note}`,
    review.body,
    conference.data.source && `---\n\n${creditLine(lang, conference.data.source)}`,
  ]);
}

// ---------- conference ----------

export interface ConferenceTwinInput {
  ctx: TwinContext;
  conference: Entry<Conference>;
  /** The schedule, day by day (src/lib/model.ts timeline). */
  days: ReadonlyArray<{
    day: number;
    items: ReadonlyArray<
      | { type: 'talk'; start: string; end: string; talk: Entry<Talk> }
      | { type: 'slot'; start: string; end: string; slot: Conference['slots'][number] }
    >;
  }>;
  speakers: readonly Entry<Speaker>[];
  /** The summary shown on the page, if any: its language and Markdown body. */
  summary?: { lang: Lang; body: string };
}

export function conferenceTwin({ ctx, conference, days, speakers, summary }: ConferenceTwinInput): string {
  const { lang } = ctx;
  const t = useTranslations(lang);
  const data = conference.data;
  const tiers = [...new Set(data.sponsors.map((sponsor) => sponsor.tier))];
  const facts = [
    fact(lang, t('conf.dates'), `${formatDate(lang, data.start)} ${data.start.slice(11, 16)} – ${formatDate(lang, data.end)} ${data.end.slice(11, 16)}${withParenthetical(lang, '', `UTC${data.start.slice(19)}`)}`),
    fact(lang, t('conf.venue'), mdText(data.venue[lang])),
    fact(lang, t('conf.organizer'), data.organizer.url ? mdLink(data.organizer.name[lang], data.organizer.url) : mdText(data.organizer.name[lang])),
    ...(tiers.length > 0
      ? [
          fact(lang, t('conf.sponsors'), ''),
          ...tiers.map(
            (tier) =>
              `  - ${mdText(tierLabel(data, tier, lang))}${colon(lang)}${data.sponsors
                .filter((sponsor) => sponsor.tier === tier)
                .map((sponsor) => mdText(sponsor.name[lang]))
                .join(lang === 'zh' ? '、' : ', ')}`,
          ),
        ]
      : []),
    ...(data.links.length > 0 ? [fact(lang, t('conf.links'), linkList(lang, data.links))] : []),
  ];
  const schedule = days.map(({ day, items }) =>
    [
      `### ${mdText(`${dayName(data, day, lang) ?? t('conf.day', { n: day })} · ${formatDate(lang, dayDate(data, day))}`)}`,
      '',
      ...items.map((item) => {
        const time = `${item.start}–${item.end}`;
        if (item.type === 'slot') {
          const title = item.slot.title ? `${colon(lang)}${mdText(item.slot.title[lang])}` : '';
          return `- ${time} ${mdText(kindLabel(data, item.slot.kind, lang))}${title}`;
        }
        const talk = item.talk;
        const names = speakerNames(lang, talk, speakers, conference.id);
        return `- ${time} ${mdLink(talk.data.title[lang], ctx.url(lang, { kind: 'talk', conference: conference.id, talk: talk.id }))} — ${mdText(names)}`;
      }),
    ].join('\n'),
  );
  return join([
    `# ${mdText(data.name[lang])}`,
    facts.join('\n'),
    `## ${mdText(t('conf.schedule'))}`,
    ...schedule,
    summary && summary.lang !== lang && untranslatedNotice(lang, ctx.url(summary.lang, { kind: 'conference', conference: conference.id })),
    summary?.body,
    data.source && `---\n\n${creditLine(lang, data.source)}`,
  ]);
}

/** A talk's speakers in one language, each with the affiliation at that conference: "刘奇（PingCAP）、…". */
function speakerNames(lang: Lang, talk: Entry<Talk>, speakers: readonly Entry<Speaker>[], conferenceId: string): string {
  return joinList(
    lang,
    talk.data.speakers
      .map((id) => speakers.find((speaker) => speaker.id === id))
      .filter((speaker) => speaker !== undefined)
      .map((speaker) => withParenthetical(lang, speaker.data.name[lang], companyAt(speaker.data, conferenceId)?.name[lang])),
  );
}

// ---------- guide ----------

export interface GuideTwinInput {
  ctx: TwinContext;
  guide: Entry<Guide>;
  text: { lang: Lang; title: string; description: string; body: string };
}

export function guideTwin({ ctx, guide, text }: GuideTwinInput): string {
  const { lang } = ctx;
  const t = useTranslations(lang);
  return join([
    `# ${mdText(text.title)}`,
    `> ${mdText(text.description)}`,
    `${mdText(t('guide.guides'))} · ${mdText(t('guide.published', { date: formatDate(lang, guide.data.published) }))}`,
    text.lang !== lang && untranslatedNotice(lang, ctx.url(text.lang, { kind: 'guide', guide: guide.id })),
    text.body,
    guide.data.source && `---\n\n${creditLine(lang, guide.data.source, 'credit.guide')}`,
  ]);
}

// ---------- lists: speaker and tag ----------

/** One talk in a list: linked title, conference, speakers, and the verdict in its own language. */
export interface ListedTalk {
  talk: Entry<Talk>;
  conference: Entry<Conference>;
  verdict?: string;
}

function talkList(ctx: TwinContext, talks: readonly ListedTalk[], speakers: readonly Entry<Speaker>[]): string {
  const { lang } = ctx;
  const t = useTranslations(lang);
  return talks
    .map(({ talk, conference, verdict }) => {
      const names = speakerNames(lang, talk, speakers, conference.id);
      const where = `${conference.data.name[lang]} · ${t('conf.day', { n: talk.data.day })} · ${talk.data.start}`;
      const head = `- ${mdLink(talk.data.title[lang], ctx.url(lang, { kind: 'talk', conference: conference.id, talk: talk.id }))} — ${mdText(names)} (${mdText(where)})`;
      return verdict ? `${head}\n  ${mdText(verdict)}` : head;
    })
    .join('\n');
}

/** The credits of the posts the listed talks come from, once each. */
function listCredits(lang: Lang, talks: readonly ListedTalk[]): string | undefined {
  const sources = new Map<string, Source>();
  for (const { conference } of talks) if (conference.data.source) sources.set(conference.data.source.url, conference.data.source);
  return sources.size > 0 ? `---\n\n${[...sources.values()].map((source) => creditLine(lang, source, 'credit.list')).join('\n\n')}` : undefined;
}

export interface SpeakerTwinInput {
  ctx: TwinContext;
  speaker: Entry<Speaker>;
  talks: readonly ListedTalk[];
  speakers: readonly Entry<Speaker>[];
  /** Conference names by id, for the companies line. */
}

export function speakerTwin({ ctx, speaker, talks, speakers }: SpeakerTwinInput): string {
  const { lang } = ctx;
  const t = useTranslations(lang);
  const data = speaker.data;
  const name = data.name[lang];
  const otherNames = [...new Set([data.name[otherLang(lang)], data.romanization, ...data.aliases])].filter(
    (other): other is string => Boolean(other) && other !== name,
  );
  const facts = [
    ...(otherNames.length > 0 ? [fact(lang, t('speakers.aka'), mdText(otherNames.join(lang === 'zh' ? '、' : ', ')))] : []),
    ...(data.companies.length > 0
      ? [fact(lang, t('speakers.company'), mdText(joinList(lang, data.companies.map((company) => withParenthetical(lang, company.name[lang], company.note?.[lang])))))]
      : []),
    ...(data.links.length > 0 ? [fact(lang, t('speakers.links'), linkList(lang, data.links))] : []),
  ];
  return join([`# ${mdText(name)}`, facts.join('\n'), `## ${mdText(t('speakers.talks'))}`, talkList(ctx, talks, speakers), listCredits(lang, talks)]);
}

export interface TagTwinInput {
  ctx: TwinContext;
  tag: Entry<Tag>;
  talks: readonly ListedTalk[];
  speakers: readonly Entry<Speaker>[];
  /** Guides with the tag, in the page's order, with the text the page shows. */
  guides?: ReadonlyArray<{ guide: Entry<Guide>; title: string; description: string }>;
}

export function tagTwin({ ctx, tag, talks, speakers, guides = [] }: TagTwinInput): string {
  const { lang } = ctx;
  const t = useTranslations(lang);
  const counts = [talks.length > 0 && t('tags.count', { n: talks.length }), guides.length > 0 && t('tags.guideCount', { n: guides.length })].filter(Boolean).join(' · ');
  const guideSources = new Map<string, Source>();
  for (const { guide } of guides) if (guide.data.source) guideSources.set(guide.data.source.url, guide.data.source);
  return join([
    `# ${mdText(tag.data.label[lang])}`,
    `${mdText(tag.data.description[lang])} ${mdText(counts)}`,
    guides.map(({ guide, title, description }) => `- ${mdLink(title, ctx.url(lang, { kind: 'guide', guide: guide.id }))}\n  ${mdText(description)}`).join('\n'),
    talkList(ctx, talks, speakers),
    listCredits(lang, talks),
    ...[...guideSources.values()].map((source) => creditLine(lang, source, 'credit.guide')),
  ]);
}
