/**
 * Share card PNGs from the element trees of src/lib/share-card.ts: satori lays the card out and turns every glyph
 * into a path, resvg rasterises the SVG with system fonts off, so every machine gets the same bytes. Text is set in
 * Noto Sans SC from @fontsource/noto-sans-sc (it covers Latin too): the package splits the font into unicode-range
 * slices (WOFF, which satori reads), and each card names only the slices its characters fall in as its font family.
 *
 * A process keeps every slice it has loaded in one font list, handed to satori unchanged from card to card: satori
 * keeps its parsed fonts for a list it has seen (keyed by the list itself), so a font is read and parsed once per
 * process instead of once per card. Subsetting each card's fonts to its characters gave the same SVG (satori draws
 * only the glyphs a card sets) at twice the CPU.
 *
 * Rendering a card still takes tens of milliseconds, so cards are cached by a hash of everything that decides their
 * bytes (the element tree, the versions of satori, resvg and the font package, the PNG encoder) under the build's
 * cache folder: a rebuild reads unchanged cards from disk.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { opaquePng } from './png.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardText, type CardNode } from './share-card.ts';

// Loaded at run time from the project's node_modules, not bundled: resvg is a native addon and satori reads its
// WebAssembly files next to itself.
const requireHere = createRequire(join(process.cwd(), 'package.json'));
type Satori = typeof import('satori').default;
type SatoriFont = { name: string; data: Buffer; weight: (typeof WEIGHTS)[number]; style: 'normal' };

const FONT_PACKAGE = '@fontsource/noto-sans-sc';
const WEIGHTS = [400, 700] as const;

interface Slice {
  /** The slice's name in the package, e.g. "chinese-simplified" or "4". */
  name: string;
  ranges: Array<[number, number]>;
  /** WOFF file per weight. */
  files: Record<number, string>;
}

const versionOf = (name: string): string => (JSON.parse(readFileSync(requireHere.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
let versionsCache: Record<string, string> | undefined;
/** The versions of everything that draws a card, read once per build. */
const versions = () => (versionsCache ??= { satori: versionOf('satori'), resvg: versionOf('@resvg/resvg-js'), font: versionOf(FONT_PACKAGE) });

let slicesCache: Slice[] | undefined;

/** The font's slices, read from the package's stylesheet for each weight (`unicode-range` per `@font-face`). */
function slices(): Slice[] {
  if (slicesCache) return slicesCache;
  const root = dirname(requireHere.resolve(`${FONT_PACKAGE}/package.json`));
  const byName = new Map<string, Slice>();
  for (const weight of WEIGHTS) {
    const css = readFileSync(join(root, `${weight}.css`), 'utf8');
    for (const face of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
      const file = /url\(\.\/files\/([^)]+?\.woff)\)/.exec(face[1])?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(face[1])?.[1];
      if (!file || !range) continue;
      const name = file.replace(/^noto-sans-sc-/, '').replace(/-\d+-normal\.woff$/, '');
      const slice = byName.get(name) ?? {
        name,
        ranges: range.split(',').map((part) => {
          const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
          return [parseInt(from, 16), parseInt(to ?? from, 16)] as [number, number];
        }),
        files: {},
      };
      slice.files[weight] = join(root, 'files', file);
      byName.set(name, slice);
    }
  }
  // Sorted by name so the font list (and the hash) does not depend on the stylesheet's order, with the Latin slice
  // first: characters several slices cover (the middle dot, quotes) then take their Latin, proportional shapes.
  const rank = (slice: Slice) => (slice.name === 'latin' ? 0 : slice.name === 'latin-ext' ? 1 : 2);
  slicesCache = [...byName.values()].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'en'));
  return slicesCache;
}

/** Which slice sets each character of `text` (the first in that order that covers it), and the characters per slice. */
const sliceOfChar = new Map<string, Slice | undefined>();

export function charactersBySlice(text: string, all: readonly Slice[] = slices()): Map<Slice, string> {
  const result = new Map<Slice, string>();
  // The space is always in: satori measures word gaps with it.
  for (const char of [...new Set(`${text.replace(/[\n\r\t]/g, '')} `)].sort()) {
    const code = char.codePointAt(0)!;
    if (!sliceOfChar.has(char)) sliceOfChar.set(char, all.find((candidate) => candidate.ranges.some(([from, to]) => code >= from && code <= to)));
    const slice = sliceOfChar.get(char);
    if (!slice) throw new Error(`share card: no Noto Sans SC glyph for ${JSON.stringify(char)} (U+${code.toString(16).toUpperCase()})`);
    result.set(slice, (result.get(slice) ?? '') + char);
  }
  return result;
}

const fontName = (slice: Slice): string => `Noto Sans SC ${slice.name}`;

/**
 * The fonts this process has loaded, both weights of each slice. A new list only when a card needs a slice no card
 * before it used: satori parses the fonts of a list it has not seen, and reuses them for the same list.
 */
let fontList: readonly SatoriFont[] = [];
function fontsFor(used: Iterable<Slice>): readonly SatoriFont[] {
  const missing = [...used].filter((slice) => !fontList.some((font) => font.name === fontName(slice)));
  if (missing.length > 0) {
    fontList = [...fontList, ...missing.flatMap((slice) => WEIGHTS.map((weight): SatoriFont => ({ name: fontName(slice), data: readFileSync(slice.files[weight]), weight, style: 'normal' })))];
  }
  return fontList;
}

const withFamily = (tree: CardNode, family: string): CardNode => ({ ...tree, props: { ...tree.props, style: { ...tree.props.style, fontFamily: family } } });

/** Names src/lib/png.ts's output format; a change there changes it, so no earlier card is reused. */
const PNG_ENCODER = 'rgb-unfiltered-deflate-3';

/**
 * What decides a card's bytes; its hash names the cached file. The font slices a card uses follow from its text and
 * the font package's version, so the tree, the versions and the encoder are the whole input.
 */
const cacheKey = (tree: CardNode): string => createHash('sha256').update(JSON.stringify({ tree, versions: versions(), size: [CARD_WIDTH, CARD_HEIGHT], encoder: PNG_ENCODER })).digest('hex');

/** Where a card's PNG is cached, whether or not it has been drawn yet. */
export const cardCacheFile = (tree: CardNode, cacheDir: string): string => join(cacheDir, 'share-cards', `${cacheKey(tree)}.png`);

/** The card as SVG: satori's layout, every glyph a path. */
export async function cardSvg(tree: CardNode): Promise<string> {
  const used = charactersBySlice([...cardText(tree).values()].join(''));
  const satori = (requireHere('satori') as { default: Satori }).default;
  const family = [...used.keys()].map((slice) => `"${fontName(slice)}"`).join(', ');
  return satori(withFamily(tree, family) as unknown as Parameters<Satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: fontsFor(used.keys()) as Parameters<Satori>[1]['fonts'] });
}

/** The SVG rasterised by resvg, as PNG bytes (encoded by src/lib/png.ts, twice as fast as resvg's encoder). */
export function cardPng(svg: string): Buffer {
  const { Resvg } = requireHere('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const image = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' }, background: 'rgba(0,0,0,0)' }).render();
  return opaquePng(image.pixels, image.width, image.height);
}

/**
 * The cached PNG file of a card, rendered and stored first when the same card was never drawn before. The build copies
 * this file into the output (src/integrations/share-cards.ts), so a warm build reads no PNG into memory.
 */
export async function cachedCardFile(tree: CardNode, cacheDir: string): Promise<string> {
  const file = cardCacheFile(tree, cacheDir);
  if (existsSync(file)) return file;
  const png = cardPng(await cardSvg(tree));
  mkdirSync(dirname(file), { recursive: true });
  // Written beside and renamed, so a build that stops halfway never leaves half a PNG in the cache.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return file;
}

/** The PNG of a card (the dev server's card routes). */
export async function renderCard(tree: CardNode, cacheDir: string): Promise<Buffer> {
  return readFileSync(await cachedCardFile(tree, cacheDir));
}
