/**
 * Config files shown in Markdown are real files, embedded by reference so they are never pasted twice:
 *
 *   ```yaml file="files/user-data"
 *   ```
 *
 * The remark plugin reads the file (relative to the Markdown file), puts its text in the code block, and wraps the
 * block in a <figure> whose caption names the file and links to a byte-identical download.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from './schema.ts';
import { withBase } from './paths.ts';

/** Attributes of a fence's meta string: `file="files/x.json" title="..."` (quotes optional). */
export function parseFenceMeta(meta: string | null | undefined): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of (meta ?? '').matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g)) {
    attributes[match[1]] = match[2] ?? match[3] ?? match[4];
  }
  return attributes;
}

/** Every `file="..."` fence in a Markdown body, with its 1-based line in the body. */
export function embeddedFiles(body: string): Array<{ path: string; line: number }> {
  const found: Array<{ path: string; line: number }> = [];
  body.split('\n').forEach((text, index) => {
    const fence = /^\s{0,3}(?:```|~~~)\s*[\w+-]*\s+(.*)$/.exec(text);
    const path = fence ? parseFenceMeta(fence[1]).file : undefined;
    if (path) found.push({ path, line: index + 1 });
  });
  return found;
}

/** The public URL of an embedded file: files/<path under the content root>. */
export const fileUrl = (base: string, pathUnderContent: string): string => withBase(base, `files/${pathUnderContent}`);

const LABELS: Record<Lang, { download: string; file: string }> = {
  zh: { download: '下载', file: '文件' },
  en: { download: 'Download', file: 'File' },
};

interface MdastNode {
  type: string;
  lang?: string | null;
  meta?: string | null;
  value?: string;
  children?: MdastNode[];
  data?: Record<string, unknown>;
}

export interface EmbedOptions {
  /** Absolute path of the content root, to build download URLs. */
  contentRoot: string;
  base: string;
}

/** remark plugin: fills `file="..."` fences from disk and wraps them in a captioned figure. */
export function remarkEmbedFiles(options: EmbedOptions) {
  // `unknown` tree: unified hands us an mdast Root, which this walk reads structurally.
  return (root: unknown, file: { path?: string | URL }) => {
    const tree = root as MdastNode;
    if (!file.path) return;
    const markdownPath = typeof file.path === 'string' ? file.path : fileURLToPath(file.path);
    const lang: Lang = basename(markdownPath) === 'en.md' ? 'en' : 'zh';
    const visit = (node: MdastNode) => {
      node.children?.forEach((child, index) => {
        if (child.type === 'code') {
          const path = parseFenceMeta(child.meta).file;
          if (path) node.children![index] = embed(child, path, markdownPath, lang, options);
        } else {
          visit(child);
        }
      });
    };
    visit(tree);
  };
}

function embed(code: MdastNode, path: string, markdownPath: string, lang: Lang, options: EmbedOptions): MdastNode {
  const absolute = join(dirname(markdownPath), path);
  // The content check already failed the build on a missing file; this throw guards direct renders.
  const text = readFileSync(absolute, 'utf8');
  const name = basename(absolute);
  const underContent = relative(options.contentRoot, absolute).split(sep).join('/');
  const labels = LABELS[lang];
  const caption: MdastNode = {
    type: 'embedCaption',
    data: { hName: 'figcaption' },
    children: [
      { type: 'inlineCode', value: name, data: { hProperties: { className: ['code-file-name'] } } },
      {
        type: 'embedDownload',
        data: {
          hName: 'a',
          hProperties: {
            className: ['code-download'],
            href: fileUrl(options.base, underContent),
            download: name,
            'aria-label': `${labels.download} ${name}`,
          },
        },
        children: [{ type: 'text', value: labels.download }],
      },
    ],
  };
  return {
    type: 'embedFigure',
    data: {
      hName: 'figure',
      hProperties: { className: ['code-file'], 'data-file': name, 'data-trailing-newline': text.endsWith('\n') ? 'true' : 'false' },
    },
    children: [caption, { ...code, value: text.replace(/\n$/, '') }],
  };
}
