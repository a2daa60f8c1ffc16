/**
 * Config files shown in Markdown are real files, embedded by reference so they are never pasted twice:
 *
 *   ```yaml file="files/user-data"
 *   ```
 *
 * The remark plugin reads the file (relative to the Markdown file), puts its text in the code block, and wraps the
 * block in a <figure> whose caption names the file and links to a byte-identical download. Every other code block
 * gets the same toolbar with a copy button, and shell sessions (```console) one copy button per command.
 */
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from './schema.ts';
import { LANG_FILE } from './content-layout.ts';
import { DEFAULT_LANG } from './site-constants.ts';
import { withBase } from './paths.ts';
import { useTranslations } from './i18n.ts';
import { sessionTree, type TreeNode } from './console.ts';
import { decodeText, readInsideRoot } from './content-files.ts';

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

/** The folder (under the base) that downloads of embedded files live in. */
export const DOWNLOADS_DIR = 'files';

/** The public URL of an embedded file: files/<path under the content root>. */
export const fileUrl = (base: string, pathUnderContent: string): string => withBase(base, `${DOWNLOADS_DIR}/${pathUnderContent}`);

/** Fence languages that hold a shell session: commands after `$ `, then what they printed. */
export const SESSION_LANGS = new Set(['console', 'shell-session', 'sh-session']);

interface MdastNode {
  type: string;
  lang?: string | null;
  meta?: string | null;
  value?: string;
  children?: MdastNode[];
  data?: Record<string, unknown>;
}

interface HastNode {
  type: 'element' | 'text';
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
}

/** Turns the small element trees of src/lib/console.ts into hast. */
export function toHast(node: TreeNode): HastNode {
  if (typeof node === 'string') return { type: 'text', value: node };
  const properties: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node.attrs)) {
    if (name === 'class') properties.className = String(value).split(' ');
    else properties[name] = value;
  }
  return { type: 'element', tagName: node.tag, properties, children: node.children.map(toHast) };
}

export interface EmbedOptions {
  /** Absolute path of the content root, to build download URLs. */
  contentRoot: string;
  base: string;
}

/** What the plugin tells the page, through Astro's `remarkPluginFrontmatter`: whether copy code and the form are needed. */
export interface EmbedFrontmatter {
  codeBlocks: number;
  templates: string[];
}

/**
 * remark plugin: every code block becomes a <figure> with a toolbar (copy button, and a download link for files);
 * `file="..."` fences are filled from disk; shell sessions get one copy button per command; `template="id"` marks a
 * block the guide's form rewrites.
 */
export function remarkEmbedFiles(options: EmbedOptions) {
  // `unknown` tree: unified hands us an mdast Root, which this walk reads structurally.
  return (root: unknown, file: { path?: string | URL; data: Record<string, unknown> }) => {
    const tree = root as MdastNode;
    if (!file.path) return;
    const markdownPath = typeof file.path === 'string' ? file.path : fileURLToPath(file.path);
    // The page language of the Markdown file (zh.md, en.md), for the copy buttons' labels.
    const lang = (LANG_FILE.exec(basename(markdownPath))?.[1] ?? DEFAULT_LANG) as Lang;
    let blocks = 0;
    const templates: string[] = [];
    const visit = (node: MdastNode) => {
      node.children?.forEach((child, index) => {
        if (child.type !== 'code') return visit(child);
        const meta = parseFenceMeta(child.meta);
        const number = ++blocks;
        const wrapped = meta.file
          ? embedFile(child, meta.file, markdownPath, lang, options)
          : SESSION_LANGS.has(child.lang ?? '')
            ? embedSession(child, lang, `cmd-${number}`)
            : embedCode(child, lang);
        if (meta.template) {
          (wrapped.data!.hProperties as Record<string, unknown>)['data-template'] = meta.template;
          templates.push(meta.template);
        }
        node.children![index] = wrapped;
      });
    };
    visit(tree);
    const astro = ((file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> });
    const frontmatter = (astro.frontmatter ??= {});
    Object.assign(frontmatter, { codeBlocks: blocks, templates } satisfies EmbedFrontmatter);
  };
}

/** The live region that says "Copied" (or that copying failed) for the block it sits in. */
function copyStatus(t: ReturnType<typeof useTranslations>): TreeNode {
  return { tag: 'span', attrs: { class: 'code-copy-status', role: 'status', 'aria-live': 'polite', 'data-done': t('code.copied'), 'data-failed': t('code.copyFailed') }, children: [] };
}

/** A copy button; hidden until the page's script runs, so without JS nothing is offered that cannot work. */
function copyButton(kind: 'file' | 'commands' | 'code', text: string, label?: string): TreeNode {
  return { tag: 'button', attrs: { type: 'button', class: 'code-copy', 'data-copy': kind, hidden: true, ...(label ? { 'aria-label': label } : {}) }, children: [text] };
}

function caption(children: TreeNode[]): MdastNode {
  return { type: 'embedCaption', data: { hName: 'figcaption', hChildren: children.map(toHast) } };
}

function figure(className: string[], properties: Record<string, unknown>, children: MdastNode[], hChildren?: HastNode[]): MdastNode {
  return { type: 'embedFigure', data: { hName: 'figure', hProperties: { className: ['code-block', ...className], ...properties }, ...(hChildren ? { hChildren } : {}) }, children };
}

function embedFile(code: MdastNode, path: string, markdownPath: string, lang: Lang, options: EmbedOptions): MdastNode {
  const absolute = join(dirname(markdownPath), path);
  // The content check already failed the build on a missing file, a link out of the content root or a file that is
  // not UTF-8; these throws guard direct renders.
  const decoded = decodeText(readInsideRoot(options.contentRoot, absolute));
  if ('reason' in decoded) throw new Error(`${absolute}: ${decoded.reason}`);
  const text = decoded.text;
  const name = basename(absolute);
  const underContent = relative(options.contentRoot, absolute).split(sep).join('/');
  const t = useTranslations(lang);
  const download: TreeNode = {
    tag: 'a',
    attrs: { class: 'code-download', href: fileUrl(options.base, underContent), download: name, 'aria-label': t('code.downloadFile', { name }) },
    children: [t('code.download')],
  };
  return figure(
    ['code-file'],
    { 'data-file': name, 'data-trailing-newline': text.endsWith('\n') ? 'true' : 'false' },
    [
      caption([
        { tag: 'code', attrs: { class: 'code-file-name' }, children: [name] },
        { tag: 'span', attrs: { class: 'code-actions', 'data-pagefind-ignore': true }, children: [copyButton('file', t('code.copy'), t('code.copyFile', { name })), download, copyStatus(t)] },
      ]),
      { ...code, value: text.replace(/\n$/, '') },
    ],
  );
}

function embedSession(code: MdastNode, lang: Lang, idPrefix: string): MdastNode {
  const t = useTranslations(lang);
  const copyCommandLabel = t('code.copyCommand');
  const pre: TreeNode = { tag: 'pre', attrs: { class: 'session', tabindex: '0' }, children: sessionTree(code.value ?? '', { idPrefix, copyCommandLabel, hidden: true }) };
  const head: TreeNode = {
    tag: 'figcaption',
    attrs: {},
    children: [
      { tag: 'span', attrs: { class: 'code-lang' }, children: [t('code.shell')] },
      { tag: 'span', attrs: { class: 'code-actions', 'data-pagefind-ignore': true }, children: [copyButton('commands', t('code.copyCommands')), copyStatus(t)] },
    ],
  };
  // The browser re-renders a rewritten session with the same ids and labels, so they travel on the figure.
  return figure(['shell-session'], { 'data-id-prefix': idPrefix, 'data-copy-command-label': copyCommandLabel }, [], [toHast(head), toHast(pre)]);
}

function embedCode(code: MdastNode, lang: Lang): MdastNode {
  const t = useTranslations(lang);
  const language = code.lang && !['text', 'plaintext', 'txt'].includes(code.lang) ? code.lang : '';
  return figure(
    [],
    {},
    [
      caption([
        { tag: 'span', attrs: { class: 'code-lang' }, children: [language] },
        { tag: 'span', attrs: { class: 'code-actions', 'data-pagefind-ignore': true }, children: [copyButton('code', t('code.copy'), t('code.copyCode')), copyStatus(t)] },
      ]),
      code,
    ],
  );
}
