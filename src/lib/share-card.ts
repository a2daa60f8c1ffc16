/**
 * Share cards: the 1200x630 image a chat or social preview shows for a talk, conference or guide page. This module
 * is the card's content and layout as plain data (a satori element tree); src/lib/share-card-render.ts turns it
 * into PNG bytes with pinned fonts. Light colours with dark text, so the card reads in a light or dark chat.
 */
import type { Lang } from './schema.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
export const CARD_FILE = 'card.png';

/** The card of the page at a directory URL: `<page>/card.png`. */
export const cardUrl = (pageUrl: string): string => `${pageUrl.endsWith('/') ? pageUrl : `${pageUrl}/`}${CARD_FILE}`;

/** What a page puts in its og:image tags. */
export interface ShareImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  alt: string;
}

export interface CardInput {
  lang: Lang;
  /** The page's title. */
  title: string;
  /** The official title in the other language, when it differs. */
  otherTitle?: string;
  /** Speakers (with company), or another line under the titles. */
  byline?: string;
  /** Conference and date, or for a guide its kind and date. */
  context: string;
  siteName: string;
  tagline: string;
}

/** A satori element: the shape React elements have, without React. */
export interface CardNode {
  type: 'div' | 'span';
  props: { style?: Record<string, string | number>; children?: string | CardNode | Array<string | CardNode> };
}

const COLORS = {
  background: '#fbfaf6',
  text: '#1f2328',
  muted: '#4d5660',
  accent: '#0b6e99',
  band: '#00add8',
  rule: '#d9dee3',
};

/** How wide text sets, in Latin-letter widths: a Han character or a full-width mark counts as two. */
export function visualLength(text: string): number {
  let length = 0;
  for (const char of text) length += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(char) ? 2 : 1;
  return length;
}

/** The title's size: large for short titles, smaller so that long ones still fit in three lines. */
export function titleSize(title: string): number {
  const length = visualLength(title);
  return length <= 28 ? 72 : length <= 48 ? 62 : length <= 80 ? 52 : length <= 120 ? 44 : 38;
}

const div = (style: Record<string, string | number>, children: CardNode['props']['children']): CardNode => ({ type: 'div', props: { style, children } });

/**
 * The card's layout: site name on top, the titles, the byline, then conference and date at the bottom.
 *
 * Long text is cut by `lineClamp` alone, and the rule above the date is a box of its own rather than a border: resvg
 * draws a block with `overflow: hidden` through a mask and a clip path, and satori's border through three clip paths,
 * each a layer the size of the card. Those layers took 40% of the rasterising (9.5 against 5.3 ms a card), and the
 * clip cut the descenders under a title's last line.
 */
export function cardTree(input: CardInput): CardNode {
  const size = titleSize(input.title);
  return div(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: COLORS.background,
      color: COLORS.text,
      fontFamily: 'Noto Sans SC',
    },
    [
      div({ width: CARD_WIDTH, height: 16, backgroundColor: COLORS.band }, []),
      div({ display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '44px 72px 48px 72px' }, [
        div({ display: 'flex', alignItems: 'baseline', fontSize: 30 }, [
          div({ fontWeight: 700, color: COLORS.accent }, input.siteName),
          div({ marginLeft: 18, color: COLORS.muted, fontSize: 26 }, input.tagline),
        ]),
        div({ display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' }, [
          div({ display: 'block', fontSize: size, fontWeight: 700, lineHeight: 1.2, lineClamp: 3, maxHeight: Math.ceil(size * 1.2 * 3) + 4 }, input.title),
          ...(input.otherTitle
            ? [div({ display: 'block', marginTop: 18, fontSize: 34, lineHeight: 1.3, color: COLORS.muted, lineClamp: 2, maxHeight: 92 }, input.otherTitle)]
            : []),
          ...(input.byline ? [div({ display: 'block', marginTop: 30, fontSize: 36, lineHeight: 1.3, lineClamp: 2, maxHeight: 96 }, input.byline)] : []),
        ]),
        div({ height: 2, backgroundColor: COLORS.rule }, []),
        div({ display: 'flex', paddingTop: 22, fontSize: 30, color: COLORS.muted }, input.context),
      ]),
    ],
  );
}

/** The text of a card by font weight: the characters its fonts must cover. */
export function cardText(tree: CardNode): Map<number, string> {
  const byWeight = new Map<number, string>();
  const walk = (node: CardNode | string, weight: number) => {
    if (typeof node === 'string') {
      byWeight.set(weight, (byWeight.get(weight) ?? '') + node);
      return;
    }
    const own = Number(node.props.style?.fontWeight ?? weight);
    const children = node.props.children;
    for (const child of Array.isArray(children) ? children : children === undefined ? [] : [children]) walk(child, own);
  };
  walk(tree, 400);
  return byWeight;
}

/** The image's text alternative: what the card says, in one line. */
export function cardAlt(input: CardInput, template: string): string {
  const parts = [input.title, input.otherTitle, input.byline, input.context].filter(Boolean).join(' · ');
  return template.replace('{title}', parts);
}
