/**
 * Raw HTML in Markdown, limited to an allow-list of harmless, mostly inline elements (kbd, sup, ruby, details…).
 *
 * Two layers share the list below:
 * - `rawHtmlProblems` lets the content check (src/lib/content-check.ts) name every tag, attribute or URL outside the
 *   list as a one-line content error, so an author learns about it before anything is built;
 * - `rehypeSafeHtml` enforces the same list on the rendered tree (defence in depth, for whatever the line-based check
 *   cannot see): it removes dangerous elements with their content, unwraps other unknown ones, drops attributes
 *   outside the list and URLs with a scheme other than http(s) or mailto.
 * Only raw HTML is held to the list. Elements that Markdown syntax, Shiki or our own plugins produced are trusted,
 * except that their URLs are checked too (Markdown happily turns `[x](javascript:…)` into a link).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { decodeHTMLAttribute } from 'entities';

/** Allowed elements and their own attributes (HTML names, lower case). */
export const ALLOWED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'hreflang'],
  abbr: [],
  b: [],
  bdi: [],
  bdo: [],
  blockquote: ['cite'],
  br: [],
  caption: [],
  cite: [],
  code: [],
  dd: [],
  del: ['cite', 'datetime'],
  details: ['open'],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  ins: ['cite', 'datetime'],
  kbd: [],
  li: ['value'],
  mark: [],
  ol: ['start', 'reversed', 'type'],
  p: [],
  pre: [],
  q: ['cite'],
  rp: [],
  rt: [],
  ruby: [],
  s: [],
  samp: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'scope'],
  thead: [],
  time: ['datetime'],
  tr: [],
  u: [],
  ul: [],
  var: [],
  wbr: [],
};

/** Attributes any allowed element may carry. */
export const GLOBAL_ATTRIBUTES: readonly string[] = ['lang', 'dir', 'title'];

/** Attributes that hold a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'formaction', 'poster', 'xlink:href']);

/** Real HTML elements outside the allow-list, so that an unknown name such as <T> can be told apart as prose. */
const OTHER_HTML_ELEMENTS = new Set([
  'address', 'area', 'article', 'aside', 'audio', 'body', 'canvas', 'center', 'col', 'colgroup', 'data', 'datalist',
  'dialog', 'fieldset', 'font', 'footer', 'h1', 'header', 'hgroup', 'html', 'img', 'label', 'legend', 'main', 'map',
  'marquee', 'menu', 'meter', 'nav', 'output', 'picture', 'portal', 'progress', 'search', 'section', 'slot', 'source',
  'track', 'video',
]);

/** Elements removed together with everything inside them: their content is code, or a way to load or submit things. */
const DROPPED_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'template', 'noscript', 'noembed',
  'textarea', 'select', 'option', 'button', 'input', 'form', 'svg', 'math', 'link', 'meta', 'base', 'title', 'head',
]);

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Whether a URL is relative or uses http(s) or mailto. Whitespace and control characters are ignored, as browsers do. */
export function isSafeUrl(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

export const isAllowedElement = (tag: string): boolean => Object.hasOwn(ALLOWED_ELEMENTS, tag.toLowerCase());

export function isAllowedAttribute(tag: string, attribute: string): boolean {
  const name = attribute.toLowerCase();
  return GLOBAL_ATTRIBUTES.includes(name) || (ALLOWED_ELEMENTS[tag.toLowerCase()] ?? []).includes(name);
}

// ---------- the content check: raw HTML as an author wrote it ----------

export interface RawHtmlProblem {
  /** Offset in the text that was checked, for the line number. */
  index: number;
  reason: string;
}

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*?)?)\/?>/g;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * Every tag, attribute and URL outside the allow-list in raw HTML as Markdown parsed it (code spans, fenced blocks
 * and `\<` escapes are not raw HTML). Attribute values are read with their character references decoded, as a
 * browser reads them. The reasons read as the end of a content error line.
 */
export function rawHtmlProblems(text: string): RawHtmlProblem[] {
  const problems: RawHtmlProblem[] = [];
  const script = /<script\b/i.exec(text);
  if (script) problems.push({ index: script.index, reason: 'raw <script> is not allowed in Markdown' });
  for (const match of text.matchAll(TAG)) {
    const [written, closing, rawName, attributes] = match;
    const tag = rawName.toLowerCase();
    if (tag === 'script') continue;
    if (!isAllowedElement(tag)) {
      if (closing) continue;
      const isHtml = rawName === tag && (DROPPED_WITH_CONTENT.has(tag) || OTHER_HTML_ELEMENTS.has(tag));
      problems.push({
        index: match.index,
        reason: isHtml
          ? `raw <${tag}> is not allowed in Markdown (allowed: ${Object.keys(ALLOWED_ELEMENTS).join(', ')})`
          : `"${written}" reads as a raw HTML tag, which is not allowed; to show it as text write \\${written} or put it in backticks`,
      });
      continue;
    }
    if (closing) continue;
    for (const attribute of attributes.matchAll(ATTRIBUTE)) {
      const name = attribute[1].toLowerCase();
      const value = decodeHTMLAttribute(attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
      if (name.startsWith('on')) {
        problems.push({ index: match.index, reason: `inline event handler ${name}= on <${tag}> is not allowed in Markdown` });
      } else if (!isAllowedAttribute(tag, name)) {
        const allowed = [...GLOBAL_ATTRIBUTES, ...ALLOWED_ELEMENTS[tag]].join(', ');
        problems.push({ index: match.index, reason: `attribute ${name} on <${tag}> is not allowed in Markdown (allowed: ${allowed})` });
      } else if (URL_ATTRIBUTES.has(name) && !isSafeUrl(value)) {
        problems.push({ index: match.index, reason: `${name} "${value}" on <${tag}> must be an http(s), mailto or relative URL` });
      }
    }
  }
  return problems.sort((a, b) => a.index - b.index);
}

// ---------- the rendered tree ----------

// Marks the elements that existed before raw HTML was parsed; hast-util-raw rebuilds every node, so the mark is an
// attribute, removed again below.
const TRUSTED = 'dataConfnotesTrusted';

function markTrusted(node: Root | RootContent) {
  if (node.type === 'element') node.properties[TRUSTED] = '';
  if ('children' in node) node.children.forEach(markTrusted);
}

function hasRaw(node: Root | RootContent): boolean {
  // `raw` nodes (HTML as written) come from remark-rehype's allowDangerousHtml; hast's own types do not list them.
  return (node as { type: string }).type === 'raw' || ('children' in node && node.children.some(hasRaw));
}

/** Removes URL attributes with a scheme outside the safe list. */
function checkUrls(element: Element) {
  for (const [property, value] of Object.entries(element.properties)) {
    if (URL_ATTRIBUTES.has(property.toLowerCase()) && typeof value === 'string' && !isSafeUrl(value)) delete element.properties[property];
  }
}

/** hast property name → HTML attribute name, for the allow-list (hrefLang → hreflang, colSpan → colspan). */
const attributeName = (property: string): string => property.toLowerCase();

function sanitizeChildren(parent: Root | Element) {
  const next: Array<RootContent | ElementContent> = [];
  for (const child of parent.children) {
    if (child.type !== 'element') {
      next.push(child);
      continue;
    }
    if (TRUSTED in child.properties) {
      delete child.properties[TRUSTED];
      checkUrls(child);
      sanitizeChildren(child);
      next.push(child);
      continue;
    }
    const tag = child.tagName.toLowerCase();
    if (DROPPED_WITH_CONTENT.has(tag)) continue;
    sanitizeChildren(child);
    if (!isAllowedElement(tag)) {
      next.push(...child.children);
      continue;
    }
    for (const property of Object.keys(child.properties)) {
      if (!isAllowedAttribute(tag, attributeName(property))) delete child.properties[property];
    }
    checkUrls(child);
    next.push(child);
  }
  parent.children = next as typeof parent.children;
}

/** The rehype plugin. It parses raw HTML itself (Astro would only do so after every plugin), then applies the list. */
export function rehypeSafeHtml() {
  return (tree: Root): Root => {
    markTrusted(tree);
    const parsed = hasRaw(tree) ? (raw(tree) as Root) : tree;
    sanitizeChildren(parsed);
    return parsed;
  };
}
