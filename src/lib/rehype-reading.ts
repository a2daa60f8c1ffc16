/**
 * rehype steps for reading: a visible self-link beside every Markdown section heading, and notes, tips and cautions
 * written as blockquotes turned into labelled asides, so they no longer look like quotations.
 *
 * An aside is a blockquote that opens with a bold label (`> **Note:** …`, `> **注**：…`) or with GitHub's alert
 * marker (`> [!NOTE]`, `[!TIP]`, `[!CAUTION]`, `[!WARNING]`, `[!IMPORTANT]`). The label shown is the page language's word
 * for the kind (src/lib/i18n.ts), and the aside is named by it for screen readers.
 */
import { basename } from 'node:path';
import { useTranslations } from './i18n.ts';
import type { Lang } from './schema.ts';
import { LANG_FILE } from './content-layout.ts';
import { DEFAULT_LANG } from './site-constants.ts';

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

interface VFileLike {
  path?: string;
  history?: string[];
}

export type AsideKind = 'note' | 'tip' | 'caution';

/** Labels an author may open a blockquote with, and the kind each one makes. */
const LABELS: Record<string, AsideKind> = {
  note: 'note',
  '注': 'note',
  '注意': 'caution',
  '备注': 'note',
  '说明': 'note',
  tip: 'tip',
  '提示': 'tip',
  caution: 'caution',
  warning: 'caution',
  '警告': 'caution',
};
const ALERTS: Record<string, AsideKind> = { NOTE: 'note', IMPORTANT: 'note', TIP: 'tip', CAUTION: 'caution', WARNING: 'caution' };

/** The language of a Markdown file, by the content layout's per-language file rule (as src/lib/embed.ts reads it). */
const langOf = (file: VFileLike): Lang => (LANG_FILE.exec(basename(file.path ?? file.history?.[0] ?? ''))?.[1] ?? DEFAULT_LANG) as Lang;

const text = (node: HastNode): string => (node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(text).join(''));

const element = (tagName: string, properties: Record<string, unknown>, children: HastNode[]): HastNode => ({ type: 'element', tagName, properties, children });

/** The kind of aside a blockquote asks for, with its first paragraph stripped of the label; undefined for a quotation. */
export function asideOf(quote: HastNode): { kind: AsideKind; children: HastNode[] } | undefined {
  const children = quote.children ?? [];
  const firstIndex = children.findIndex((child) => child.type === 'element');
  const first = children[firstIndex];
  if (!first || first.tagName !== 'p') return undefined;
  const inline = first.children ?? [];
  const lead = inline[0];
  let kind: AsideKind | undefined;
  let rest: HastNode[] = [];
  if (lead?.type === 'element' && lead.tagName === 'strong') {
    const label = text(lead).trim().replace(/[:：]$/, '').toLowerCase();
    kind = LABELS[label];
    if (kind) {
      rest = inline.slice(1);
      const after = rest[0];
      if (after?.type === 'text') {
        const value = (after.value ?? '').replace(/^\s*[:：]?\s*/, '');
        rest = value ? [{ ...after, value }, ...rest.slice(1)] : rest.slice(1);
      }
    }
  } else if (lead?.type === 'text') {
    const match = /^\s*\[!(\w+)\]\s*/.exec(lead.value ?? '');
    kind = match ? ALERTS[match[1].toUpperCase()] : undefined;
    if (kind && match) {
      const value = (lead.value ?? '').slice(match[0].length);
      rest = value ? [{ ...lead, value }, ...inline.slice(1)] : inline.slice(1);
      if (rest[0]?.type === 'element' && rest[0].tagName === 'br') rest = rest.slice(1);
    }
  }
  if (!kind) return undefined;
  const paragraph = rest.some((node) => text(node).trim() !== '' || node.type === 'element') ? [{ ...first, children: rest }] : [];
  return { kind, children: [...children.slice(0, firstIndex), ...paragraph, ...children.slice(firstIndex + 1)] };
}

export function rehypeAsides() {
  return (tree: HastNode, file: VFileLike) => {
    const t = useTranslations(langOf(file));
    const visit = (node: HastNode) => {
      node.children = node.children?.map((child) => {
        if (child.type === 'element' && child.tagName === 'blockquote') {
          const aside = asideOf(child);
          if (aside) {
            const label = t(`aside.${aside.kind}`);
            visit({ type: 'root', children: aside.children });
            // role="note": a labelled <aside> would be a landmark, and a page with two notes two landmarks of one name.
            // The visible label is hidden from screen readers, which hear the note's own name instead.
            return element('aside', { className: ['aside', `aside-${aside.kind}`], role: 'note', ariaLabel: label }, [
              element('p', { className: ['aside-title'], ariaHidden: 'true' }, [{ type: 'text', value: label }]),
              ...aside.children,
            ]);
          }
        }
        visit(child);
        return child;
      });
    };
    visit(tree);
  };
}

/**
 * Puts a self-link after every h2 and h3 that has an id, both inside a wrapper (the link stays out of the heading's
 * name and its text). Runs after Astro's heading ids (see astro.config.mjs).
 */
export function rehypeHeadingAnchors() {
  return (tree: HastNode, file: VFileLike) => {
    const t = useTranslations(langOf(file));
    const visit = (node: HastNode) => {
      node.children = node.children?.map((child) => {
        if (child.type === 'element' && (child.tagName === 'h2' || child.tagName === 'h3') && typeof child.properties?.id === 'string') {
          const id = child.properties.id;
          return element('div', { className: ['heading'] }, [
            child,
            element('a', { className: ['anchor'], href: `#${id}`, dataPagefindIgnore: '' }, [
              element('span', { ariaHidden: 'true' }, [{ type: 'text', value: '#' }]),
              element('span', { className: ['visually-hidden'] }, [{ type: 'text', value: t('heading.anchor', { title: text(child).trim() }) }]),
            ]),
          ]);
        }
        visit(child);
        return child;
      });
    };
    visit(tree);
  };
}
