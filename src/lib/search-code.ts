/**
 * Code blocks in the search index: each block's distinct words once, as hidden metadata, instead of its text.
 *
 * A guide's listings (configuration files, session logs) were half of its indexed words and a tenth of each
 * language's index, repeated a word per line ("core-01" on every line of a log), and their lines made poor excerpts
 * ("Shell$ mv user-data.sample user-data"). Out of the text and into a `code` field, every word of a listing still
 * finds the page (`SimpleHTTPServer`, `etcdctl`) and counts once; excerpts come from the prose around it.
 */
import { spaceHan } from './search.ts';

const PRE = /<pre\b([^>]*)>([\s\S]*?)<\/pre>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

const decode = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

const attribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A word as compared here: lowercased, without the punctuation around it ("(user-data)," → "user-data"). */
const bare = (word: string): string => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** A token longer than this, or a URL, goes in as its parts: nobody types it whole, and whole it is one more word. */
const LONGEST_TOKEN = 24;
/** A checksum or a commit id: hex digits, at least this many. */
const HASH = /^[0-9a-f]{16,}$/i;

/**
 * The distinct words of some code, in order of first use: whitespace-separated (a URL or a long token split into its
 * letters and digits), any with a letter or digit and no checksum, leaving out those the page's prose already holds
 * (`known`, compared bare), which find the page anyway.
 */
export function codeWords(code: string, known: ReadonlySet<string> = new Set()): string[] {
  const seen = new Set(known);
  const words: string[] = [];
  for (const token of code.split(/\s+/)) {
    for (const word of token.length > LONGEST_TOKEN || token.includes('://') ? token.split(/[^\p{L}\p{N}_]+/u) : [token]) {
      const key = bare(word);
      if (!key || HASH.test(key) || seen.has(key)) continue;
      seen.add(key);
      words.push(word);
    }
  }
  return words;
}

/** The bare words of some HTML's text (tags dropped). */
const textWords = (html: string): Set<string> => new Set(decode(html.replace(/<[^>]*>/g, ' ')).split(/\s+/).map(bare).filter(Boolean));

/**
 * The HTML Pagefind gets for a page, with every `<pre>` left out of the indexed text (data-pagefind-ignore) and its
 * distinct words that its prose lacks added as the hidden metadata field `code`, just inside the data-pagefind-body
 * element. A page
 * without code blocks, or without a body to index, comes back unchanged.
 */
export function codeAsKeywords(html: string): string {
  const body = /<[^>]*\sdata-pagefind-body[^>]*>/.exec(html);
  if (!body) return html;
  const at = body.index + body[0].length;
  const blocks: string[] = [];
  const rest = html.slice(at).replace(PRE, (whole, attributes: string, inner: string) => {
    blocks.push(decode(inner.replace(/<[^>]*>/g, ' ')));
    return /\sdata-pagefind-ignore\b/.test(attributes) ? whole : `<pre data-pagefind-ignore${attributes}>${inner}</pre>`;
  });
  const prose = textWords(rest.replace(PRE, ' ').replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' '));
  if (blocks.length === 0) return html;
  const words = codeWords(blocks.join('\n'), prose);
  const field = words.length > 0 ? `<span hidden data-pagefind-meta="code:${attribute(spaceHan(words.join(' ')))}"></span>` : '';
  return `${html.slice(0, at)}${field}${rest}`;
}
