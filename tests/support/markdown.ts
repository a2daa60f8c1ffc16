/**
 * Reading Markdown the way a machine would: the twin parsed by remark (CommonMark + GFM) into mdast, and rendered to
 * HTML (raw HTML kept) so its text can be compared with the page's.
 */
import { load, type CheerioAPI } from 'cheerio';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';

export interface MdNode {
  type: string;
  lang?: string | null;
  meta?: string | null;
  value?: string;
  url?: string;
  depth?: number;
  children?: MdNode[];
}

export const parseMarkdown = (text: string): MdNode => unified().use(remarkParse).use(remarkGfm).parse(text) as unknown as MdNode;

export function markdownNodes(tree: MdNode, type: string): MdNode[] {
  const found: MdNode[] = [];
  const walk = (node: MdNode) => {
    if (node.type === type) found.push(node);
    node.children?.forEach(walk);
  };
  walk(tree);
  return found;
}

export function markdownHtml(text: string): CheerioAPI {
  const html = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeStringify).processSync(text);
  return load(String(html));
}

/** Text with all whitespace removed: page and twin put line breaks and spaces between blocks differently. */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** Text with runs of whitespace made one space. */
export const oneSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();
