/**
 * What the content check finds in a Markdown body, read with the same parser the site renders with (remark-parse +
 * remark-gfm), so code spans, fenced blocks and `\<` escapes are never mistaken for HTML, and URLs are read after
 * their character references are decoded (`javascript&#58;…` is a javascript: link to the browser, and to us).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, Root } from 'mdast';
import { isSafeUrl, rawHtmlProblems } from './safe-html.ts';

export interface MarkdownProblem {
  /** 1-based line in the body. */
  line: number;
  reason: string;
}

export interface MarkdownImage {
  line: number;
  url: string;
}

const parser = unified().use(remarkParse).use(remarkGfm);

export const parseBody = (body: string): Root => parser.parse(body);

function walk(node: Nodes, visit: (node: Nodes) => void) {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

/** A link destination or definition whose scheme is not http(s) or mailto, as written (before entities). */
const OTHER_SCHEME = /(?:\]\(\s*<?|^ {0,3}\[[^\]]*\]:\s*<?)(?!https?:|mailto:)[a-z][a-z0-9+.-]*:/im;

/**
 * Whether a body can hold anything this check looks for: raw HTML or an autolink (<), a character reference, an
 * image, a level-1 heading (ATX or setext), or a link with another scheme. Parsing costs milliseconds per body, and
 * most bodies have none of these, so they are not parsed at all. A character reference is `&#` or `&name;` (CommonMark
 * decodes nothing else), so the "&" of "Q&A" or "R&D" alone does not call for parsing: it did for 970 of the 2,100
 * synthetic reviews of the bench's 1,000 talks.
 */
const needsParsing = (body: string): boolean => /<|&(?:#|[A-Za-z0-9]+;)|!\[|^ {0,3}#(?:[ \t]|$)|^ {0,3}=+[ \t]*$/m.test(body) || OTHER_SCHEME.test(body);

const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/**
 * Problems a body has on its own: raw HTML outside the allow-list, links with an unsafe scheme, a "#" heading (the
 * page's title is its only h1). Images are returned for the caller, which knows the files on disk.
 */
export function markdownProblems(body: string): { problems: MarkdownProblem[]; images: MarkdownImage[] } {
  const problems: MarkdownProblem[] = [];
  const images: MarkdownImage[] = [];
  if (!needsParsing(body)) return { problems, images };
  const tree = parseBody(body);
  const definitions = new Map<string, string>();
  walk(tree, (node) => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
  });
  walk(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'html') {
      for (const problem of rawHtmlProblems(node.value)) problems.push({ line: line + lineOf(node.value, problem.index) - 1, reason: problem.reason });
    } else if (node.type === 'heading' && node.depth === 1) {
      problems.push({ line, reason: 'a "#" heading would give the page a second title (its title comes from the front matter); start sections at "##"' });
    } else if (node.type === 'link' || node.type === 'definition') {
      if (!isSafeUrl(node.url)) problems.push({ line, reason: `link "${node.url}" must be an http(s), mailto or relative URL` });
    } else if (node.type === 'image') {
      if (!isSafeUrl(node.url)) problems.push({ line, reason: `image "${node.url}" must be an http(s) or relative URL` });
      else images.push({ line, url: node.url });
    } else if (node.type === 'imageReference') {
      const url = definitions.get(node.identifier);
      if (url !== undefined && isSafeUrl(url)) images.push({ line, url });
    }
  });
  return { problems: problems.sort((a, b) => a.line - b.line), images };
}
