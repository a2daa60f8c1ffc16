/**
 * The bench's synthetic content root (scripts/lib/synthetic.ts) as Starlight pages: the same kinds of page as this
 * project builds, in both languages, with the same review Markdown, so the Starlight build renders the same text.
 *   <lang>/index.md                   the conferences, each linked
 *   <lang>/<conference>/index.md      the conference's own text and its talks
 *   <lang>/<conference>/<talk>.md     the review: title, verdict as description, speakers and tags, then its body
 *   <lang>/speakers/index.md, <lang>/speakers/<id>.md, <lang>/tags/index.md, <lang>/tags/<id>.md   the talks of each
 * Pure: a map from path (relative to src/content/docs) to file text.
 */
import { parse } from 'yaml';

const LANGS = ['zh', 'en'] as const;
type Lang = (typeof LANGS)[number];
type Text = Record<Lang, string>;

interface TalkFacts {
  conference: string;
  id: string;
  title: Text;
  speakers: string[];
  tags: string[];
}

const frontmatter = (fields: Record<string, string>) =>
  `---\n${Object.entries(fields)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n')}\n---\n`;

/** The body and the frontmatter fields of a review or conference text. */
function split(markdown: string): { data: Record<string, string>; body: string } {
  const end = markdown.indexOf('\n---\n', 4);
  return { data: parse(markdown.slice(4, end)) as Record<string, string>, body: markdown.slice(end + 5) };
}

const LABELS = {
  zh: { home: '大会', speakers: '讲者', tags: '标签', talks: '演讲', by: '讲者：', tagged: '标签：' },
  en: { home: 'Conferences', speakers: 'Speakers', tags: 'Tags', talks: 'Talks', by: 'Speakers: ', tagged: 'Tags: ' },
};

export function starlightPages(content: ReadonlyMap<string, string>): Map<string, string> {
  const pages = new Map<string, string>();
  const speakers = new Map<string, Text>();
  const tags = new Map<string, { label: Text; description: Text }>();
  const conferences = new Map<string, Text>();
  const talks: TalkFacts[] = [];
  for (const [path, text] of content) {
    const parts = path.split('/');
    if (path === 'tags.yaml') {
      for (const tag of parse(text) as Array<{ id: string; label: Text; description: Text }>) tags.set(tag.id, tag);
    } else if (parts[0] === 'speakers') {
      speakers.set(parts[1].replace(/\.yaml$/, ''), (parse(text) as { name: Text }).name);
    } else if (parts[0] === 'conferences' && parts[2] === 'conference.yaml') {
      conferences.set(parts[1], (parse(text) as { name: Text }).name);
    } else if (parts[0] === 'talks' && parts[3] === 'talk.yaml') {
      const data = parse(text) as { title: Text; speakers: string[]; tags: string[] };
      talks.push({ conference: parts[1], id: parts[2], title: data.title, speakers: data.speakers, tags: data.tags });
    }
  }
  const link = (lang: Lang, path: string, label: string) => `[${label}](/${lang}/${path}/)`;
  const talkItem = (lang: Lang, talk: TalkFacts) => `- ${link(lang, `${talk.conference}/${talk.id}`, talk.title[lang])}`;
  const byKey = <K>(key: (talk: TalkFacts) => K[]) => {
    const map = new Map<K, TalkFacts[]>();
    for (const talk of talks) for (const k of key(talk)) map.set(k, [...(map.get(k) ?? []), talk]);
    return map;
  };
  const talksBySpeaker = byKey((talk) => talk.speakers);
  const talksByTag = byKey((talk) => talk.tags);
  const talksByConference = byKey((talk) => [talk.conference]);

  for (const lang of LANGS) {
    const labels = LABELS[lang];
    pages.set(
      `${lang}/index.md`,
      frontmatter({ title: labels.home }) + [...conferences].map(([id, name]) => `- ${link(lang, id, name[lang])}`).join('\n') + '\n',
    );
    for (const [id, name] of conferences) {
      const { data, body } = split(content.get(`conferences/${id}/${lang}.md`)!);
      pages.set(
        `${lang}/${id}/index.md`,
        `${frontmatter({ title: name[lang], description: data.title })}\n${body}\n## ${labels.talks}\n\n${(talksByConference.get(id) ?? []).map((talk) => talkItem(lang, talk)).join('\n')}\n`,
      );
    }
    for (const talk of talks) {
      const { data, body } = split(content.get(`talks/${talk.conference}/${talk.id}/${lang}.md`)!);
      const people = talk.speakers.map((id) => link(lang, `speakers/${id}`, speakers.get(id)![lang])).join(', ');
      const tagLinks = talk.tags.map((id) => link(lang, `tags/${id}`, tags.get(id)!.label[lang])).join(', ');
      pages.set(
        `${lang}/${talk.conference}/${talk.id}.md`,
        `${frontmatter({ title: talk.title[lang], description: data.verdict })}\n**${data.heading}**\n\n${labels.by}${people}\n\n${labels.tagged}${tagLinks}\n\n${body}`,
      );
    }
    pages.set(
      `${lang}/speakers/index.md`,
      frontmatter({ title: labels.speakers }) + [...speakers].map(([id, name]) => `- ${link(lang, `speakers/${id}`, name[lang])}`).join('\n') + '\n',
    );
    for (const [id, name] of speakers) {
      pages.set(`${lang}/speakers/${id}.md`, `${frontmatter({ title: name[lang] })}\n${(talksBySpeaker.get(id) ?? []).map((talk) => talkItem(lang, talk)).join('\n')}\n`);
    }
    pages.set(
      `${lang}/tags/index.md`,
      frontmatter({ title: labels.tags }) + [...tags].map(([id, tag]) => `- ${link(lang, `tags/${id}`, tag.label[lang])}`).join('\n') + '\n',
    );
    for (const [id, tag] of tags) {
      pages.set(
        `${lang}/tags/${id}.md`,
        `${frontmatter({ title: tag.label[lang], description: tag.description[lang] })}\n${(talksByTag.get(id) ?? []).map((talk) => talkItem(lang, talk)).join('\n')}\n`,
      );
    }
  }
  return pages;
}
