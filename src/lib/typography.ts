/**
 * Chinese typography checks for zh text, pure (no I/O):
 *   - full-width punctuation in Chinese text (，。：；！？“”（）), not , . : ; ! ? " ( ) next to Chinese characters;
 *   - exactly one space between Chinese characters and Latin letters or digits (`用 Go 写`, `2016 年`);
 *   - no space next to full-width punctuation (`（Go）`, not `（ Go ）`);
 *   - no full-width Latin letters or digits (Ｇｏ, ２０１６).
 *
 * Markdown is reduced to its prose before checking: fenced code is dropped; inline code and URLs count as one Latin
 * token (so `用 `go test` 测量` needs its spaces); link text is kept and link targets dropped; emphasis markers, HTML
 * tags, list, quote and heading markers and table pipes are removed. Strings given as `exact` (official titles, an
 * address quoted as published) are not checked inside, only at their edges.
 */
import { HAN_SOURCE } from './site-constants.ts';

export type TypographyRule =
  | 'halfwidth-punctuation'
  | 'missing-space'
  | 'extra-space'
  | 'space-by-fullwidth-punctuation'
  | 'fullwidth-alphanumeric';

export interface TypographyIssue {
  rule: TypographyRule;
  /** 1-based line and column in the checked text. */
  line: number;
  column: number;
  /** The offending spot in the original text, with a little context. */
  excerpt: string;
  message: string;
}

export interface TypographyOptions {
  /** Strings quoted exactly as published; their insides are not checked. */
  exact?: readonly string[];
}

/** Text reduced to what a reader sees as prose, with every character mapped back to its index in the original. */
export interface Prose {
  text: string;
  map: number[];
}

const HAN = HAN_SOURCE;
const LATIN = 'A-Za-z0-9';
/** Full-width (CJK) punctuation that takes no space on either side. */
const FULLWIDTH_PUNCTUATION = '，。：；！？、“”‘’（）《》〈〉「」『』【】〔〕…—～';
/** Stands for an inline code span or a URL: a Latin token. */
const LATIN_TOKEN = 'x';
/** Joins the two ends of an exact quote: matches no rule, so only the quote's edges are checked. */
const NEUTRAL = '\u0000';

interface Edit {
  start: number;
  end: number;
  /** Replacement characters, each mapped to an index of the original. */
  chars: Array<[string, number]>;
}

/** Applies non-overlapping edits in one left-to-right pass, building the index map. */
function applyEdits(source: string, offset: number, edits: Edit[], prose: Prose): void {
  edits.sort((a, b) => a.start - b.start);
  let at = 0;
  for (const edit of edits) {
    for (let i = at; i < edit.start; i++) {
      prose.text += source[i];
      prose.map.push(offset + i);
    }
    for (const [char, index] of edit.chars) {
      prose.text += char;
      prose.map.push(offset + index);
    }
    at = edit.end;
  }
  for (let i = at; i < source.length; i++) {
    prose.text += source[i];
    prose.map.push(offset + i);
  }
}

/**
 * Finds the spans of one line (or one plain string) that are not prose, in order of precedence: exact quotes,
 * inline code, links, URLs, HTML tags, emphasis markers and escapes. A later pattern never matches inside an
 * earlier one's span.
 */
function inlineEdits(line: string, exact: readonly string[], table: boolean): Edit[] {
  const edits: Edit[] = [];
  // Spans already claimed are blanked out, so later patterns cannot match inside them.
  let free = line;
  const claim = (start: number, end: number, chars: Array<[string, number]>) => {
    edits.push({ start, end, chars });
    free = free.slice(0, start) + NEUTRAL.repeat(end - start) + free.slice(end);
  };
  const each = (pattern: RegExp, handle: (match: RegExpExecArray) => void) => {
    for (const match of [...free.matchAll(pattern)]) handle(match);
  };

  for (const quote of [...exact].filter(Boolean).sort((a, b) => b.length - a.length)) {
    let from = free.indexOf(quote);
    while (from !== -1) {
      const end = from + quote.length;
      const chars: Array<[string, number]> = quote.length === 1 ? [[quote, from]] : [[quote[0], from], [NEUTRAL, from + 1], [quote.at(-1)!, end - 1]];
      claim(from, end, chars);
      from = free.indexOf(quote, end);
    }
  }
  each(/(?<!`)(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, (m) => claim(m.index, m.index + m[0].length, [[LATIN_TOKEN, m.index]]));
  // [text](target "title") and ![alt](src): keep the text, drop the brackets and the target.
  each(/!?\[([^\[\]]*)\]\(([^()\s\u0000]*(?:\([^()\s]*\))?[^()\s\u0000]*)(?:\s+"[^"]*")?\)/g, (m) => {
    const open = m[0].startsWith('!') ? 2 : 1;
    const close = m.index + open + m[1].length;
    edits.push({ start: m.index, end: m.index + open, chars: [] });
    edits.push({ start: close, end: m.index + m[0].length, chars: [] });
    free = free.slice(0, m.index) + NEUTRAL.repeat(open) + free.slice(m.index + open, close) + NEUTRAL.repeat(m.index + m[0].length - close) + free.slice(m.index + m[0].length);
  });
  each(/<(?:https?|mailto):[^>\s]+>/g, (m) => claim(m.index, m.index + m[0].length, [[LATIN_TOKEN, m.index]]));
  each(new RegExp(String.raw`https?://[^\s<>\u0000${FULLWIDTH_PUNCTUATION}${HAN}]+`, 'gu'), (m) =>
    claim(m.index, m.index + m[0].length, [[LATIN_TOKEN, m.index]]),
  );
  each(/<!--[\s\S]*?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, (m) => claim(m.index, m.index + m[0].length, []));
  each(/\*\*|__|~~|(?<=\S)\*(?=\S)|(?<=^|\s)\*(?=\S)|(?<=\S)\*(?=\s|$)/g, (m) => claim(m.index, m.index + m[0].length, []));
  each(/\\(?=[\\`*_{}\[\]()#+\-.!>|~])/g, (m) => claim(m.index, m.index + 1, []));
  if (table) {
    // Each cell is its own piece of text: the pipes and the padding around them become a line break.
    each(/\s*\|\s*/g, (m) => claim(m.index, m.index + m[0].length, [['\n', m.index]]));
  }
  return edits;
}

/** The prose of a plain string (a YAML value, a front-matter field): inline code, URLs and exact quotes masked. */
export function proseOfText(text: string, options: TypographyOptions = {}): Prose {
  const prose: Prose = { text: '', map: [] };
  let offset = 0;
  for (const line of text.split('\n')) {
    if (offset > 0) {
      prose.text += '\n';
      prose.map.push(offset - 1);
    }
    applyEdits(line, offset, inlineEdits(line, options.exact ?? [], false), prose);
    offset += line.length + 1;
  }
  return prose;
}

/** The prose of a Markdown body: code fences dropped, block markers removed, inline syntax masked. */
export function proseOfMarkdown(markdown: string, options: TypographyOptions = {}): Prose {
  const prose: Prose = { text: '', map: [] };
  let offset = 0;
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    if (offset > 0) {
      prose.text += '\n';
      prose.map.push(offset - 1);
    }
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length && line.trim() === fenceMark) fence = undefined;
    } else if (fenceMark) {
      fence = fenceMark;
    } else {
      // Block markers at the start of a line: indentation, quotes, list bullets and numbers, heading hashes.
      const prefix = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+|#{1,6}[ \t]+)?/.exec(line)![0];
      const rest = line.slice(prefix.length);
      const table = rest.startsWith('|');
      const edits = inlineEdits(rest, options.exact ?? [], table);
      applyEdits(rest, offset + prefix.length, edits, prose);
    }
    offset += line.length + 1;
  }
  return prose;
}

const RULES: Array<{ rule: TypographyRule; pattern: RegExp; message: string }> = [
  {
    rule: 'halfwidth-punctuation',
    pattern: new RegExp(String.raw`(?<=${HAN})[,;:!?]|[,;:!?](?=${HAN})|(?<=${HAN})\.(?=\s|$|${HAN})`, 'gu'),
    message: 'half-width punctuation in Chinese text: use ， ； ： ！ ？ 。',
  },
  {
    rule: 'halfwidth-punctuation',
    pattern: new RegExp(String.raw`(?<=${HAN})[ \t]*[()]|[()](?=[ \t]*${HAN})|\([^()\n]*${HAN}[^()\n]*\)`, 'gu'),
    message: 'half-width parentheses in Chinese text: use （）',
  },
  {
    rule: 'halfwidth-punctuation',
    pattern: new RegExp(String.raw`(?<=${HAN})[ \t]*["']|["'](?=[ \t]*${HAN})`, 'gu'),
    message: 'straight quotes in Chinese text: use “” or ‘’',
  },
  {
    rule: 'missing-space',
    pattern: new RegExp(String.raw`${HAN}(?=[${LATIN}])|[${LATIN}](?=${HAN})`, 'gu'),
    message: 'put one space between Chinese characters and Latin letters or digits',
  },
  {
    rule: 'extra-space',
    pattern: new RegExp(String.raw`(?<=${HAN})[ \t\u00a0\u3000]{2,}(?=[${LATIN}])|(?<=[${LATIN}])[ \t\u00a0\u3000]{2,}(?=${HAN})|(?<=${HAN}|[${LATIN}])[\t\u00a0\u3000](?=${HAN}|[${LATIN}])`, 'gu'),
    message: 'use exactly one plain space between Chinese characters and Latin letters or digits',
  },
  {
    rule: 'space-by-fullwidth-punctuation',
    pattern: new RegExp(String.raw`(?<=[^\s\u0000])[ \t\u00a0\u3000]+(?=[${FULLWIDTH_PUNCTUATION}])|(?<=[${FULLWIDTH_PUNCTUATION}])[ \t\u00a0\u3000]+(?=[^\s\u0000])`, 'gu'),
    message: 'no space next to full-width punctuation',
  },
  {
    rule: 'fullwidth-alphanumeric',
    pattern: /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/gu,
    message: 'full-width Latin letters or digits: use half-width',
  },
];

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

function excerptAt(text: string, index: number): string {
  const start = Math.max(0, index - 10);
  const end = Math.min(text.length, index + 11);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`.replace(/\n/g, '⏎');
}

/** Runs every rule over prose, reporting positions in the original text. */
export function checkProse(original: string, prose: Prose): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  const seen = new Set<string>();
  for (const { rule, pattern, message } of RULES) {
    for (const match of prose.text.matchAll(pattern)) {
      const index = prose.map[match.index] ?? original.length;
      const key = `${rule}@${index}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push({ rule, ...position(original, index), excerpt: excerptAt(original, index), message });
    }
  }
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Checks a plain zh string (a YAML value or a front-matter field). */
export const checkZhText = (text: string, options: TypographyOptions = {}): TypographyIssue[] => checkProse(text, proseOfText(text, options));

/** Checks a zh Markdown body. */
export const checkZhMarkdown = (markdown: string, options: TypographyOptions = {}): TypographyIssue[] =>
  checkProse(markdown, proseOfMarkdown(markdown, options));

export const formatIssue = (where: string, issue: TypographyIssue): string =>
  `${where}:${issue.line}:${issue.column}: ${issue.rule}: ${issue.message}: ${issue.excerpt}`;
