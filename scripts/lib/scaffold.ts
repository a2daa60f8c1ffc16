/**
 * What `npm run new` writes: valid bilingual files with every required field filled, and TODO markers where an
 * author's prose or facts go. A TODO is valid content on purpose (the content check accepts it), so a scaffolded
 * entry builds and can be previewed at once; `npm run new -- todo` lists the markers that are left.
 *
 * Everything here is pure: scripts/new.ts reads the content root, calls these, and writes the files.
 */
import { CLOCK_PATTERN, ID_PATTERN } from '../../src/lib/content-layout.ts';
import { LANGS, type Lang } from '../../src/lib/schema.ts';
import { minutes, overlaps, type Timed } from '../../src/lib/schedule.ts';

export const TODO = 'TODO';

export interface ScaffoldFile {
  /** Path relative to the content root. */
  path: string;
  text: string;
  /** What the author fills in this file, in order. */
  todo: string[];
}

/** A YAML scalar that is always a string (JSON strings are valid YAML double-quoted strings). */
const str = (value: string): string => JSON.stringify(value);
const bilingual = (zh: string, en: string) => `{ zh: ${str(zh)}, en: ${str(en)} }`;

export { ID_PATTERN };

export const isClock = (value: string): boolean => CLOCK_PATTERN.test(value);
export const clockOf = (total: number): string => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/**
 * The first slot of `length` minutes, on a quarter hour between `from` and `until`, that overlaps nothing taken
 * (talks in the same room and the conference's breaks), trying day 1 first.
 */
export function firstFreeSlot(taken: readonly Timed[], days: number, length = 45, from = '09:00', until = '18:00'): Timed | undefined {
  for (let day = 1; day <= days; day++) {
    for (let start = minutes(from); start + length <= minutes(until); start += 15) {
      const slot = { day, start: clockOf(start), end: clockOf(start + length) };
      if (!taken.some((other) => overlaps(slot, other))) return slot;
    }
  }
  return undefined;
}

// ---------- talk ----------

export interface TalkOptions {
  conference: string;
  id: string;
  speakers: string[];
  tags: string[];
  slot: Timed;
  room?: string;
  titleZh?: string;
  titleEn?: string;
  /** Write only this language; the other is declared untranslated. */
  only?: Lang;
}

export function reviewText(lang: Lang): string {
  return lang === 'zh'
    ? `---
heading: ${str(`${TODO}：评论者给这场演讲起的标题`)}
verdict: ${str(`${TODO}：一句话点评`)}
# note: 可选，事实与笔记不符时的简短更正
---

${TODO}：这场演讲讲了什么，评论者怎么看；必要时补一句今天的读者需要的背景。
`
    : `---
heading: ${str(`${TODO}: the reviewer's heading for this talk`)}
verdict: ${str(`${TODO}: the verdict in one line`)}
# note: optional, a short polite correction where the facts differ from the notes
---

${TODO}: what the talk was about and what the reviewer thought; where useful, one line of context a reader today needs.
`;
}

export function talkFiles(options: TalkOptions): ScaffoldFile[] {
  const dir = `talks/${options.conference}/${options.id}`;
  const langs = options.only ? [options.only] : [...LANGS];
  const untranslated = LANGS.filter((lang) => !langs.includes(lang));
  const yaml = [
    '# Schedule facts, once for both languages. The review lives in zh.md and en.md beside this file.',
    `conference: ${options.conference}`,
    `day: ${options.slot.day}`,
    `start: ${str(options.slot.start)}`,
    `end: ${str(options.slot.end)}`,
    ...(options.room && options.room !== 'main' ? [`room: ${str(options.room)}`] : []),
    `speakers: [${options.speakers.join(', ')}]`,
    `title: ${bilingual(options.titleZh ?? `${TODO}：官方中文标题`, options.titleEn ?? `${TODO}: official English title`)}`,
    `tags: [${options.tags.join(', ')}]`,
    `# slides: https://example.org/slides.pdf`,
    `links: []`,
    ...(untranslated.length > 0 ? [`untranslated: [${untranslated.join(', ')}]`] : []),
    '',
  ].join('\n');
  const titleTodo = [
    ...(options.titleZh ? [] : ['title.zh (the official Chinese title)']),
    ...(options.titleEn ? [] : ['title.en (the official English title)']),
  ];
  return [
    {
      path: `${dir}/talk.yaml`,
      text: yaml,
      todo: [...titleTodo, `check day ${options.slot.day} ${options.slot.start}-${options.slot.end}`, 'tags, slides and links if any'],
    },
    ...langs.map((lang) => ({ path: `${dir}/${lang}.md`, text: reviewText(lang), todo: ['heading', 'verdict', 'the review body'] })),
  ];
}

// ---------- speaker ----------

export interface SpeakerOptions {
  id: string;
  nameZh?: string;
  nameEn?: string;
}

export function speakerFiles(options: SpeakerOptions): ScaffoldFile[] {
  const text = [
    `name: ${bilingual(options.nameZh ?? `${TODO}：中文名`, options.nameEn ?? `${TODO}: name in English`)}`,
    '# romanization: Pinyin or Latin spelling, e.g. "Shen Sheng"',
    '# Other spellings readers search for, including misspellings on official pages:',
    'aliases: []',
    '# The company at each conference: - { conference: <id>, name: { zh: ..., en: ... } }',
    'companies: []',
    '# - { label: github.com/<user>, url: https://github.com/<user> }',
    'links: []',
    '',
  ].join('\n');
  const todo = [
    ...(options.nameZh ? [] : ['name.zh']),
    ...(options.nameEn ? [] : ['name.en']),
    'romanization, aliases, companies and links if known',
  ];
  return [{ path: `speakers/${options.id}.yaml`, text, todo }];
}

// ---------- conference ----------

export interface ConferenceOptions {
  id: string;
  /** First day, "YYYY-MM-DD". */
  start: string;
  days: number;
  /** UTC offset of the venue, "+08:00". */
  offset: string;
  nameZh?: string;
  nameEn?: string;
}

export function conferenceFiles(options: ConferenceOptions): ScaffoldFile[] {
  const dir = `conferences/${options.id}`;
  const last = new Date(`${options.start}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() + options.days - 1);
  const end = last.toISOString().slice(0, 10);
  const text = [
    '# Facts shared by both languages. The summary lives in zh.md and en.md beside this file.',
    `name: ${bilingual(options.nameZh ?? `${TODO}：大会中文名`, options.nameEn ?? `${TODO}: conference name in English`)}`,
    'edition: 1',
    `city: ${bilingual(`${TODO}：城市`, `${TODO}: city`)}`,
    `venue: ${bilingual(`${TODO}：会场`, `${TODO}: venue`)}`,
    `start: ${str(`${options.start}T09:00:00${options.offset}`)}`,
    `end: ${str(`${end}T18:00:00${options.offset}`)}`,
    'organizer:',
    `  name: ${bilingual(`${TODO}：主办方`, `${TODO}: organizer`)}`,
    '  # url: https://example.org',
    '# - { tier: gold, name: { zh: ..., en: ... } }  (tiers: co-organizer, diamond, platinum, gold, silver, bronze, partner, media, community; others under tiers:)',
    'sponsors: []',
    'links: []',
    '# Slots that are not talks: - { day: 1, start: "12:00", end: "13:00", kind: lunch }',
    '# (kinds: registration, opening, welcome, closing, break, lunch, meal, party, keynote, talk, lightning, panel, workshop, training, qa, other; others under kinds:)',
    'slots: []',
    '',
  ].join('\n');
  const summary = (lang: Lang) =>
    lang === 'zh'
      ? `---\ntitle: 关于这次大会\n---\n\n## 总体印象\n\n${TODO}：评论者对这次大会的总体印象。\n`
      : `---\ntitle: About the conference\n---\n\n## Overall impressions\n\n${TODO}: the reviewer's overall impressions of the conference.\n`;
  return [
    {
      path: `${dir}/conference.yaml`,
      text,
      todo: [
        'name, city, venue and organizer in both languages',
        `check start and end (${options.start} to ${end}, ${options.offset})`,
        'sponsors, links and slots',
      ],
    },
    ...LANGS.map((lang) => ({ path: `${dir}/${lang}.md`, text: summary(lang), todo: ['the summary'] })),
  ];
}

// ---------- guide ----------

export interface GuideOptions {
  id: string;
  conference?: string;
  published: string;
}

export function guideFiles(options: GuideOptions): ScaffoldFile[] {
  const dir = `guides/${options.id}`;
  const text = [
    ...(options.conference ? [`conference: ${options.conference}`] : ['# conference: <id>  (optional: the conference this guide belongs to)']),
    `published: ${str(options.published)}`,
    '',
  ].join('\n');
  const body = (lang: Lang) =>
    lang === 'zh'
      ? `---\ntitle: ${str(`${TODO}：指南标题`)}\ndescription: ${str(`${TODO}：一句话说明读者能做成什么`)}\n---\n\n## 准备\n\n${TODO}：步骤、命令与输出。配置文件放在 files/ 下，用 \`\` \`\`\`yaml file="files/名字" \`\` 嵌入。\n`
      : `---\ntitle: ${str(`${TODO}: guide title`)}\ndescription: ${str(`${TODO}: one line on what the reader gets done`)}\n---\n\n## Before you start\n\n${TODO}: steps, commands and their output. Put config files under files/ and embed them with \`\` \`\`\`yaml file="files/name" \`\`.\n`;
  return [
    { path: `${dir}/guide.yaml`, text, todo: ['published date and conference'] },
    ...LANGS.map((lang) => ({ path: `${dir}/${lang}.md`, text: body(lang), todo: ['title', 'description', 'the guide'] })),
  ];
}

// ---------- what is left ----------

/** Lines of a file that still hold a TODO marker, 1-based; commented YAML lines are hints, not markers. */
export function todoLines(text: string): Array<{ line: number; text: string }> {
  return text
    .split('\n')
    .map((line, index) => ({ line: index + 1, text: line.trim() }))
    .filter(({ text }) => text.includes(TODO) && !text.startsWith('#'));
}
