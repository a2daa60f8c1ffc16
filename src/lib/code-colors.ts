/**
 * Shiki colours without inline styles, so the Content Security Policy needs no 'unsafe-inline' for styles.
 *
 * Shiki writes every token's colours as a style attribute (`--shiki-light:#24292E;--shiki-dark:#E1E4E8`), and a
 * hash-based policy blocks style attributes. `shikiStyleToClass` turns each declaration into a class named after it
 * (`sk-light-24292e`), and `codeColorsCss` writes one rule per class the configured themes can produce.
 *
 * Why not `transformerStyleToClass` from @shikijs/transformers: it learns its CSS while Markdown is rendered, and
 * Astro's content cache skips rendering unchanged entries, so a second build with a warm cache would emit an empty
 * stylesheet. Here the stylesheet depends on the themes only, and the transformer refuses any declaration the
 * stylesheet does not cover, so a build fails loudly instead of losing colours.
 */
import type { ShikiTransformer, ThemeRegistrationAny } from 'shiki';
import type { Element, Root, RootContent } from 'hast';

export type CodeThemes = Record<string, ThemeRegistrationAny>;

const CLASS_PREFIX = 'sk-';

/** The one class for one declaration: "--shiki-dark-bg" + "#24292E" → "sk-dark-bg-24292e". */
export function declarationClass(property: string, value: string): string {
  const name = property.replace(/^--shiki-/, '');
  const slug = value.trim().toLowerCase().replace(/^#/, '').replace(/[^a-z0-9]+/g, '-');
  return `${CLASS_PREFIX}${name}-${slug}`;
}

/** Splits a style attribute into [property, value] pairs; empty declarations are skipped. */
export function parseStyle(style: string): Array<[string, string]> {
  return style
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => declaration.indexOf(':') > 0)
    .map((declaration) => {
      const colon = declaration.indexOf(':');
      return [declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim()] as [string, string];
    });
}

/** Styles Astro's own Shiki wrapper adds (scrolling pre, unselectable diff markers, optional wrapping). */
const ASTRO_DECLARATIONS: Array<[string, string]> = [
  ['overflow-x', 'auto'],
  ['white-space', 'pre-wrap'],
  ['word-wrap', 'break-word'],
  ['user-select', 'none'],
];

const FONT_VALUES: Record<string, string[]> = {
  'font-style': ['italic', 'inherit'],
  'font-weight': ['bold', 'inherit'],
  'text-decoration': ['underline', 'line-through', 'underline line-through', 'inherit'],
};

const HEX = /^#[0-9a-f]{3,8}$/i;

/** Every colour a theme can give text and backgrounds: editor colours, token colours, the ANSI palette. */
export function themeColors(theme: ThemeRegistrationAny): { foreground: string[]; background: string[] } {
  const foreground = new Set<string>();
  const background = new Set<string>();
  const add = (set: Set<string>, value: unknown) => {
    if (typeof value === 'string' && HEX.test(value)) set.add(value.toLowerCase());
  };
  const raw = theme as { fg?: string; bg?: string; colors?: Record<string, string>; tokenColors?: unknown[]; settings?: unknown[] };
  add(foreground, raw.fg);
  add(foreground, raw.colors?.['editor.foreground']);
  add(background, raw.bg);
  add(background, raw.colors?.['editor.background']);
  for (const [key, value] of Object.entries(raw.colors ?? {})) {
    // ANSI output (```ansi) paints both text and backgrounds from the terminal palette.
    if (key.startsWith('terminal.ansi')) {
      add(foreground, value);
      add(background, value);
    }
  }
  for (const rule of [...(raw.tokenColors ?? []), ...(raw.settings ?? [])] as Array<{ settings?: Record<string, unknown> }>) {
    add(foreground, rule.settings?.foreground);
    add(background, rule.settings?.background);
  }
  return { foreground: [...foreground].sort(), background: [...background].sort() };
}

/** Every declaration Shiki (through Astro, with `defaultColor: false`) can write for these themes. */
export function knownDeclarations(themes: CodeThemes): Array<[string, string]> {
  const declarations: Array<[string, string]> = [];
  for (const [variant, theme] of Object.entries(themes)) {
    const { foreground, background } = themeColors(theme);
    for (const color of [...foreground, 'inherit']) declarations.push([`--shiki-${variant}`, color]);
    for (const color of [...background, 'inherit']) declarations.push([`--shiki-${variant}-bg`, color]);
    for (const [property, values] of Object.entries(FONT_VALUES)) {
      for (const value of values) declarations.push([`--shiki-${variant}-${property}`, value]);
    }
  }
  return [...declarations, ...ASTRO_DECLARATIONS];
}

/** The stylesheet: one rule per known declaration, in a stable order (builds must be byte-identical). */
export function codeColorsCss(themes: CodeThemes): string {
  const rules = new Map<string, string>();
  for (const [property, value] of knownDeclarations(themes)) rules.set(declarationClass(property, value), `${property}:${value}`);
  return [...rules.entries()].map(([name, declaration]) => `.${name}{${declaration}}`).join('\n') + '\n';
}

function walk(node: Root | RootContent, visit: (element: Element) => void) {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

/**
 * The Shiki transformer: after Astro's and every other transformer ran (the `root` hook comes last), replaces each
 * style attribute inside the highlighted block by its classes.
 */
export function shikiStyleToClass(themes: CodeThemes): ShikiTransformer {
  const known = new Set(knownDeclarations(themes).map(([property, value]) => declarationClass(property, value)));
  return {
    name: 'confnotes:style-to-class',
    root(hast) {
      walk(hast, (element) => {
        const style = element.properties?.style;
        if (typeof style !== 'string') return;
        const classes = parseStyle(style).map(([property, value]) => {
          const name = declarationClass(property, value);
          if (!known.has(name)) {
            throw new Error(`Shiki wrote the style "${property}: ${value}", which the code colours stylesheet (src/lib/code-colors.ts) does not cover`);
          }
          return name;
        });
        delete element.properties.style;
        this.addClassToHast(element, classes);
      });
    },
  };
}

/** Loads Shiki's bundled themes by name, so the highlighter and the stylesheet read the very same theme objects. */
export async function loadCodeThemes(names: Record<string, string>): Promise<CodeThemes> {
  const { bundledThemes, normalizeTheme } = await import('shiki');
  const entries = await Promise.all(
    Object.entries(names).map(async ([variant, name]) => {
      const load = bundledThemes[name as keyof typeof bundledThemes];
      if (!load) throw new Error(`unknown Shiki theme "${name}"`);
      // Normalized as Shiki's highlighter would, on a copy: a highlighter normalizes a raw theme by adding a rule to
      // its own token list in place, so the config's themes would read differently before and after the first code
      // block was highlighted, and Astro's incremental build, which hashes the Markdown settings, would see a changed
      // config (and render every page) whenever the previous build had highlighted and this one had not yet.
      return [variant, normalizeTheme(structuredClone((await load()).default))] as const;
    }),
  );
  return Object.fromEntries(entries);
}
