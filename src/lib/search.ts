/**
 * Search text rules shared by the index (src/integrations/pagefind.ts), the pages that describe themselves to it, and
 * the search page's script.
 *
 * Chinese is the hard part. Pagefind's indexer splits Chinese text into words with jieba, while since 1.5 its browser
 * code splits the query with Intl.Segmenter (ICU). The two disagree (Pagefind issue 1237): a query word that jieba
 * never produced, such as 大战 inside 车轮大战, falls back to an unrelated shorter word. So both sides here agree on the
 * one split no segmenter can change: every Han character is a word of its own. The index sees Han characters with
 * spaces between them, a query is turned into the same single characters, and a run of Chinese characters in the query
 * must also match as an exact phrase (consecutive positions), which gives substring search: 回收 finds 垃圾回收,
 * Go语言 finds "Go 语言" and "Go语言" alike, and no dictionary decides what a word is.
 */
import { HAN } from './site-constants.ts';

const HAN_RUN = /\p{Script=Han}+/gu;
/** Punctuation only Chinese text uses (CJK symbols, fullwidth forms): never a space beside it. */
const CJK_PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;
/** Punctuation both languages use (curly quotes, ellipsis, dash, middle dot): no space beside a Han character. */
const SHARED_PUNCTUATION = /[\u2018\u2019\u201c\u201d\u2026\u2014\u00b7]/u;
const ZERO_WIDTH_SPACE = /\u200b/g;

export const isHan = (char: string): boolean => HAN.test(char);

/** Puts a space on both sides of every Han character that touches another character: "Go语言" → "Go 语 言". */
export function spaceHan(text: string): string {
  return text.replace(/(\p{Script=Han})(?=\S)/gu, '$1 ').replace(/(?<=\S)(\p{Script=Han})/gu, ' $1');
}

/**
 * Undoes spaceHan for display: drops the spaces between two Han characters and between Han characters and Chinese
 * punctuation, and the zero-width spaces Pagefind puts between segmented words. Spaces next to Latin words stay.
 */
export function tidyChinese(text: string): string {
  const chars = Array.from(text.replace(ZERO_WIDTH_SPACE, ''));
  return tidyChars(chars.map((char) => ({ char, marked: false })))
    .map((item) => item.char)
    .join('');
}

/** ASCII punctuation that closes onto the word before it, and that opens onto the word after it. */
const CLOSING = /[.,;:!?)\]}%]/;
const OPENING = /[(\[{]/;

/** Whether Chinese typesetting puts no space between these two characters. */
function joinsWithoutSpace(before: string, after: string): boolean {
  if (CJK_PUNCTUATION.test(before) || CJK_PUNCTUATION.test(after)) return true;
  if (isHan(before)) return isHan(after) || SHARED_PUNCTUATION.test(after) || CLOSING.test(after);
  return isHan(after) && (SHARED_PUNCTUATION.test(before) || OPENING.test(before));
}

interface MarkedChar {
  char: string;
  marked: boolean;
}

function tidyChars(chars: MarkedChar[]): MarkedChar[] {
  const out: MarkedChar[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (/\s/.test(chars[i].char)) {
      let end = i;
      while (end < chars.length && /\s/.test(chars[end].char)) end++;
      const before = out.at(-1)?.char;
      const after = chars[end]?.char;
      const joins = before !== undefined && after !== undefined && joinsWithoutSpace(before, after);
      if (!joins) out.push({ char: ' ', marked: chars[i].marked && (chars[end]?.marked ?? false) });
      i = end - 1;
      continue;
    }
    out.push(chars[i]);
  }
  return out;
}

/** A reader's query, prepared for Pagefind and for highlighting. */
export interface PreparedQuery {
  /** The query as typed, normalized (NFKC, single spaces). */
  text: string;
  /** What Pagefind searches for: every Han character a word, Latin words as typed; null when nothing is searchable. */
  term: string | null;
  /** Exact phrases every result must contain, already spaced: each run of 2+ Han characters, and quoted parts. */
  phrases: string[];
  /** Runs of Han characters, for highlighting. */
  han: string[];
  /** Lowercased Latin words and numbers, for highlighting. */
  words: string[];
}

/**
 * Traditional → simplified characters, limited to those whose simplified form the index holds (built from OpenCC's
 * data by src/integrations/pagefind.ts and written next to the index as FOLD_FILE). Page text is simplified; a reader
 * may type 劉奇 or 分佈式.
 */
export type FoldTable = Readonly<Record<string, string>>;

/** Where the fold table is written, under the site's base. */
export const FOLD_FILE = 'search-fold.json';

/**
 * The fold table as FOLD_FILE holds it: one JSON string of character pairs, traditional then simplified ("劉刘佈布…"),
 * 15% smaller gzipped than the same table as a JSON object. Every key and value is one character.
 */
export const foldPairs = (table: FoldTable): string => Object.entries(table).map(([from, to]) => from + to).join('');

/** The table back from foldPairs' string. */
export function foldFromPairs(pairs: string): FoldTable {
  const chars = Array.from(pairs);
  const table: Record<string, string> = {};
  for (let i = 0; i + 1 < chars.length; i += 2) table[chars[i]] = chars[i + 1];
  return table;
}

/** The query's Han characters in the index's script (simplified), through the fold table. */
export const foldHan = (text: string, table: FoldTable = {}): string => Array.from(text, (char) => table[char] ?? char).join('');

/** Latin letters without their accents and tone marks: "liú qí" → "liu qi", "Lohuizen" stays. Han text is untouched. */
export const stripMarks = (text: string): string =>
  text.normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC');

export function prepareQuery(raw: string, fold: FoldTable = {}): PreparedQuery {
  const text = foldHan(stripMarks(raw.normalize('NFKC')), fold).replace(/\s+/g, ' ').trim();
  const quoted = [...text.matchAll(/"([^"]+)"/g)].map((match) => match[1].trim()).filter(Boolean);
  const plain = text.replace(/"/g, ' ').replace(/\s+/g, ' ').trim();
  const han = [...new Set(plain.match(HAN_RUN) ?? [])];
  const words = [
    ...new Set(
      plain
        .replace(HAN_RUN, ' ')
        .split(/[\s\p{P}\p{S}]+/u)
        .filter((word) => /[\p{L}\p{N}]/u.test(word))
        .map((word) => word.toLowerCase()),
    ),
  ];
  const phrases = [...new Set([...han.filter((run) => Array.from(run).length > 1), ...quoted.filter((part) => /\s|\p{Script=Han}/u.test(part))])].map(
    (phrase) => spaceHan(phrase),
  );
  const searchable = /[\p{L}\p{N}]/u.test(plain);
  return { text, term: searchable ? spaceHan(plain) : null, phrases, han, words };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] === '#') {
      const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[name.toLowerCase()] ?? match;
  });
}

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Pagefind's excerpt (escaped text with <mark> elements) as characters that know whether they are marked. */
function parseMarked(html: string): MarkedChar[] {
  const chars: MarkedChar[] = [];
  let marked = false;
  for (const part of html.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(part)) marked = true;
    else if (/^<\/mark>$/i.test(part)) marked = false;
    else for (const char of Array.from(decodeEntities(part.replace(/<[^>]*>/g, '')))) chars.push({ char, marked });
  }
  return chars;
}

function markRuns(chars: MarkedChar[], runs: readonly string[]) {
  for (const run of runs) {
    const needle = Array.from(run);
    for (let i = 0; i + needle.length <= chars.length; i++) {
      if (needle.every((char, k) => chars[i + k].char === char)) for (let k = 0; k < needle.length; k++) chars[i + k].marked = true;
    }
  }
}

function markWords(chars: MarkedChar[], words: readonly string[]) {
  const lower = chars.map((item) => item.char.toLowerCase());
  for (const word of words) {
    const needle = Array.from(word);
    for (let i = 0; i + needle.length <= chars.length; i++) {
      if (i > 0 && /[\p{L}\p{N}]/u.test(lower[i - 1])) continue;
      if (needle.every((char, k) => lower[i + k] === char)) {
        let end = i + needle.length;
        // The rest of the word is marked too, as Pagefind marks "performance" for "perf".
        while (end < chars.length && /[\p{L}\p{N}]/u.test(lower[end]) && !isHan(lower[end])) end++;
        for (let k = i; k < end; k++) chars[k].marked = true;
      }
    }
  }
}

function serialize(chars: MarkedChar[]): string {
  let html = '';
  let open = false;
  for (const { char, marked } of chars) {
    if (marked !== open) {
      html += marked ? '<mark>' : '</mark>';
      open = marked;
    }
    html += escapeHtml(char);
  }
  return open ? `${html}</mark>` : html;
}

/** Closing marks after which a Chinese sentence may end: a full stop goes after them. */
const CLOSES_CHINESE = /[\u201d\u2019\u300d\u300f\u3011\uff09\u300b]/u;
/** Chinese punctuation that already ends a clause: no full stop after it. */
const ENDS_CHINESE = /[\u3002\uff01\uff1f\uff1b\uff1a\uff0c\u3001]/u;

/** The first character from `from` on that is not a space. */
function nextVisible(chars: readonly MarkedChar[], from: number): string | undefined {
  for (let i = from; i < chars.length; i++) if (!/\s/.test(chars[i].char)) return chars[i].char;
  return undefined;
}

/**
 * Pagefind joins a page's blocks into sentences with ". " after every block that does not end in punctuation
 * (<h1>性能调优</h1><p>英文… becomes "性 能 调 优. 英 文"). In Chinese text that joint is a full stop, 。, when Chinese
 * comes before it or after it ("…Stack in Go。李炳毅的"), or nothing after a mark that already ends the clause. Between
 * two Latin words ("…application. Dave Cheney") and at the excerpt's end after a Latin word it stays as it is, since
 * there an English sentence may end.
 */
function chineseJoints(chars: MarkedChar[]): MarkedChar[] {
  const out: MarkedChar[] = [];
  /** The last character kept that is not a space. */
  let before: string | undefined;
  for (let i = 0; i < chars.length; i++) {
    const { char } = chars[i];
    /** The character before, when this is a full stop followed by a space or the end: a joint Pagefind may have put. */
    const joint = char === '.' && (i + 1 === chars.length || /\s/.test(chars[i + 1].char)) ? before : undefined;
    if (joint !== undefined && ENDS_CHINESE.test(joint)) continue;
    const chinese = joint !== undefined && (isHan(joint) || CLOSES_CHINESE.test(joint) || isHan(nextVisible(chars, i + 1) ?? ''));
    const item = chinese ? { char: '\u3002', marked: false } : chars[i];
    out.push(item);
    if (!/\s/.test(item.char)) before = item.char;
  }
  return out;
}

/**
 * A Pagefind excerpt made readable and highlighted by our rules: Pagefind's marks on single Han characters (it marks
 * every 回 and 收 for 回收) are replaced by marks on whole runs of the query's Chinese, its marks on Latin words stay.
 * `lang` is the language of the page the excerpt is from: in Chinese, Pagefind's joints between blocks become full
 * stops (chineseJoints). Returns safe HTML: text escaped, only <mark> elements.
 */
export function highlightExcerpt(excerptHtml: string, query: PreparedQuery, lang?: string): string {
  const parsed = parseMarked(excerptHtml.replace(ZERO_WIDTH_SPACE, ''));
  const chars = lang?.toLowerCase().startsWith('zh') ? chineseJoints(parsed) : parsed;
  for (const item of chars) if (isHan(item.char) || CJK_PUNCTUATION.test(item.char) || SHARED_PUNCTUATION.test(item.char)) item.marked = false;
  const tidy = tidyChars(chars);
  markRuns(tidy, query.han);
  markWords(tidy, query.words);
  return serialize(trimMarks(tidy)).trim();
}

/** Pagefind marks whole whitespace-separated words ("<mark>BFE:</mark>"); the punctuation around them is not the match. */
function trimMarks(chars: MarkedChar[]): MarkedChar[] {
  const loose = (char: string) => /[\s\p{P}]/u.test(char);
  for (let i = 0; i < chars.length; i++) {
    if (!chars[i].marked || (i > 0 && chars[i - 1].marked)) continue;
    let end = i;
    while (end < chars.length && chars[end].marked) end++;
    let from = i;
    let to = end - 1;
    while (from <= to && loose(chars[from].char)) chars[from++].marked = false;
    while (to >= from && loose(chars[to].char)) chars[to--].marked = false;
    i = end - 1;
  }
  return chars;
}

/** Plain text (a title, a name) with the query's words and Chinese runs marked; safe HTML. */
export function highlightText(text: string, query: PreparedQuery): string {
  const chars = tidyChars(Array.from(text.replace(ZERO_WIDTH_SPACE, '')).map((char) => ({ char, marked: false })));
  markRuns(chars, query.han);
  markWords(chars, query.words);
  return serialize(trimMarks(chars)).trim();
}

export interface SpeakerNames {
  name: { zh: string; en: string };
  romanization?: string;
  aliases?: readonly string[];
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Every way a reader may write a speaker's name: both languages, the romanization, the aliases (official misspellings
 * included), each Latin two-part name in the other order ("Shen Sheng" and "Sheng Shen") and written as one word
 * ("shensheng", as in user names). Case-insensitive duplicates are dropped.
 */
export function nameForms(speaker: SpeakerNames): string[] {
  const latin = [speaker.name.en, speaker.romanization, ...(speaker.aliases ?? [])].filter(
    (form): form is string => Boolean(form) && !HAN.test(form!),
  );
  const forms = [speaker.name.zh, speaker.name.en, speaker.romanization, ...(speaker.aliases ?? [])].filter((form): form is string => Boolean(form));
  for (const form of latin) {
    const parts = form.trim().split(/\s+/);
    if (parts.length === 2) forms.push(`${parts[1]} ${parts[0]}`);
    if (parts.length > 1) forms.push(parts.join(''));
  }
  const seen = new Set<string>();
  return forms.filter((form) => {
    const key = fold(form);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The searchable text of several speakers' names, spaced the way the index expects. */
export const searchableNames = (speakers: readonly SpeakerNames[]): string => spaceHan(speakers.flatMap(nameForms).join(' '));

/**
 * Spaces the Han characters of every text node in an HTML document, leaving tags, attributes, comments and the
 * contents of script and style alone, so Pagefind indexes one word per Han character while its parser still sees
 * the page's own markup (data-pagefind-* attributes, headings, lang).
 */
export function spaceHanInHtml(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i) out += spaceHan(html.slice(i, textEnd));
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      const stop = end === -1 ? html.length : end + 3;
      out += html.slice(lt, stop);
      i = stop;
      continue;
    }
    if (!/[a-zA-Z/!?]/.test(html[lt + 1] ?? '')) {
      out += '<';
      i = lt + 1;
      continue;
    }
    // Scans to the end of the tag, stepping over quoted attribute values that may hold ">".
    let j = lt + 1;
    let quote: string | undefined;
    while (j < html.length) {
      const char = html[j];
      if (quote) {
        if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '>') break;
      j++;
    }
    const tag = html.slice(lt, j + 1);
    out += tag;
    i = j + 1;
    const raw = /^<(script|style)\b/i.exec(tag);
    if (raw && !tag.endsWith('/>')) {
      // A case-insensitive search from here on (lowercasing the whole page for every script was most of the cost).
      const closing = new RegExp(`</${raw[1]}`, 'gi');
      closing.lastIndex = i;
      const close = closing.exec(html)?.index;
      const stop = close ?? html.length;
      out += html.slice(i, stop);
      i = stop;
    }
  }
  return out;
}

/** Shortest stem a query word may share with an indexed word when their endings differ. */
const MIN_STEM = 4;
/**
 * English inflection and derivation endings a query word may carry beyond the stem it shares with an indexed word
 * ("databases" → "database", "testing" → "tests"), as Pagefind's stemmer lets such pairs match.
 */
const ENDINGS = new Set(['s', 'es', 'ies', 'ed', 'd', 'ing', 'er', 'ers', 'est', 'ly', 'ion', 'ions', 'ation', 'ations', 'ment', 'ments', 'ness', 'y', 'e', 'al', 'ity']);

const commonPrefix = (a: string, b: string): number => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * The words of a page's searchable text as the rule below compares them: lowercased, marks stripped, each
 * whitespace-separated token whole (punctuation dropped: "x/text" → "xtext") and in its parts ("x", "text").
 */
export function searchableWords(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) {
    for (const token of stripMarks(text.normalize('NFKC')).toLowerCase().replace(HAN_RUN, ' ').split(/\s+/)) {
      const whole = token.replace(/[\p{P}\p{S}]/gu, '');
      if (whole) words.add(whole);
      for (const part of token.split(/[\p{P}\p{S}]+/u)) if (part) words.add(part);
    }
  }
  return words;
}

/**
 * Whether one query word matches one indexed word: the word as typed or the start of a longer one ("perf" →
 * "performance"), or a stem of at least MIN_STEM letters followed in the query by one of the ENDINGS ("testing" →
 * "tests"; "gopherzzz" matches nothing). Pagefind, finding no word that starts with the query, falls back to the longest indexed prefix however
 * short ("asdfgh" → "as", Pagefind issue 599); this rule is what throws those results out.
 */
export function wordMatches(query: string, indexed: string): boolean {
  if (indexed.startsWith(query)) return true;
  const shared = commonPrefix(query, indexed);
  return shared >= MIN_STEM && ENDINGS.has(query.slice(shared));
}

/**
 * The final check of a result against the query: every Latin word matches some word of the page's searchable text
 * (body and metadata), and every run of Chinese occurs in it as written (after folding to simplified).
 */
export function matchesQuery(query: PreparedQuery, texts: readonly string[], fold: FoldTable = {}): boolean {
  const words = searchableWords(texts);
  const joined = foldHan(texts.map((text) => text.replace(/\s+/g, '')).join('\n'), fold);
  return (
    query.words.every((word) => {
      for (const indexed of words) if (wordMatches(word, indexed)) return true;
      return false;
    }) && query.han.every((run) => joined.includes(run))
  );
}
