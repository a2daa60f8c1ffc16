/**
 * Extra words the index holds so readers find a page however they write it, computed at build time only (these
 * libraries never reach the browser):
 * - pinyin of Chinese names, titles and tags (pinyin-pro), toneless, as syllables ("liu qi") and run together from
 *   each word on ("liuqi", "fenbushishujuku", "shujuku"), so that any word-aligned start matches by prefix;
 * - the traditional → simplified table the search page folds queries with (OpenCC data through opencc-js), cut down
 *   to the characters the index holds;
 * - the simplified form of any traditional text on a page, so a simplified query finds it too.
 * These go into hidden metadata (SearchRecord), never into the text excerpts are cut from.
 */
import * as OpenCC from 'opencc-js';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariants from 'opencc-js/dict/TWVariants';
import HKVariants from 'opencc-js/dict/HKVariants';
import { pinyin } from 'pinyin-pro';
import { searchableNames, type FoldTable, type SpeakerNames } from './search.ts';

const HAN_RUN = /\p{Script=Han}+/gu;
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** Toneless pinyin syllables of a run of Han characters; names read their first character as a surname. */
function syllables(run: string, name: boolean): string[] {
  return pinyin(run, { toneType: 'none', type: 'array', surname: name ? 'head' : 'off', nonZh: 'removed', v: true })
    .map((syllable) => syllable.toLowerCase())
    .filter(Boolean);
}

/**
 * The pinyin words of a text's Chinese: every syllable, and each run's syllables joined from the start of every word
 * to the run's end. 刘奇 → "liu qi liuqi"; 分布式数据库 → "fen bu shi shu ju ku fenbushishujuku shishujuku shujuku ku".
 */
export function pinyinTerms(text: string, options: { name?: boolean } = {}): string {
  const terms = new Set<string>();
  for (const run of text.match(HAN_RUN) ?? []) {
    const all = syllables(run, options.name ?? false);
    if (all.length !== Array.from(run).length) continue;
    for (const syllable of all) terms.add(syllable);
    let at = 0;
    for (const { segment } of words.segment(run)) {
      const length = Array.from(segment).length;
      if (at < all.length - 1 || at === 0) terms.add(all.slice(at).join(''));
      at += length;
    }
  }
  return [...terms].join(' ');
}

const pairs = (dict: string) => dict.split('|').flatMap((pair) => pair.split(' '));
const toSimplified = [OpenCC.Converter({ from: 'tw', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })];

let candidates: string[] | undefined;
/** Every traditional or variant character OpenCC knows. */
function traditionalCharacters(): string[] {
  candidates ??= [...new Set([...pairs(TSCharacters), ...pairs(TWVariants), ...pairs(HKVariants)].filter((char) => Array.from(char).length === 1))];
  return candidates;
}

/** Traditional → simplified for every character whose simplified form is one of `indexed`. */
export function foldTable(indexed: ReadonlySet<string>): FoldTable {
  const table: Record<string, string> = {};
  for (const char of traditionalCharacters()) {
    for (const convert of toSimplified) {
      const simplified = convert(char);
      if (simplified !== char && Array.from(simplified).length === 1 && indexed.has(simplified)) {
        table[char] = simplified;
        break;
      }
    }
  }
  return table;
}

/** The simplified form of each run of traditional Chinese in a text, space-separated; empty when there is none. */
export function simplifiedRuns(text: string): string {
  const runs = new Set<string>();
  for (const run of text.match(HAN_RUN) ?? []) {
    const simplified = toSimplified[0](run);
    if (simplified !== run) runs.add(simplified);
  }
  return [...runs].join(' ');
}

export interface RecordSources {
  speakers?: readonly SpeakerNames[];
  /** Both official titles (or names), whatever the page's language. */
  titles?: readonly string[];
  tags?: ReadonlyArray<{ id: string; label: { zh: string; en: string } }>;
  /** Companies and organizers, both languages. */
  orgs?: readonly string[];
  /** Facts a page lists outside its text (venue, sponsors): searchable, never an excerpt. */
  facts?: readonly string[];
}

const joined = (parts: ReadonlyArray<string | undefined>) => [...new Set(parts.filter((part): part is string => Boolean(part)))].join(' ');

/**
 * The searchable, never shown, words of a page's record (SearchRecord's `keywords`): every form of its speakers'
 * names, both titles, tag ids and labels, companies, listed facts, and the pinyin of all their Chinese.
 */
export function recordKeywords(sources: RecordSources): Record<string, string> {
  const speakers = sources.speakers ?? [];
  const tags = sources.tags ?? [];
  const titles = sources.titles ?? [];
  const orgs = sources.orgs ?? [];
  const facts = sources.facts ?? [];
  const keywords: Record<string, string> = {
    names: searchableNames(speakers),
    titles: joined(titles),
    topics: joined(tags.flatMap((tag) => [tag.id, tag.label.zh, tag.label.en])),
    orgs: joined(orgs),
    facts: joined(facts),
    pinyin: joined([
      ...speakers.map((speaker) => pinyinTerms(speaker.name.zh, { name: true })),
      ...[...titles, ...tags.map((tag) => tag.label.zh), ...orgs].map((text) => pinyinTerms(text)),
    ]),
  };
  return Object.fromEntries(Object.entries(keywords).filter(([, value]) => value !== ''));
}
