/**
 * Long lists of talks (a tag, a prolific speaker) split into pages of a fixed size, so that no page grows with the
 * archive: page 1 keeps the list's own URL (tags/go/), later pages add their number (tags/go/2/). A list that fits
 * on one page is rendered exactly as before, with no pager.
 */
export const TALKS_PER_PAGE = 20;

export const pageCount = (total: number, size = TALKS_PER_PAGE): number => Math.max(1, Math.ceil(total / size));

/** The items of page `page` (1-based). */
export const pageItems = <T>(items: readonly T[], page: number, size = TALKS_PER_PAGE): T[] => items.slice((page - 1) * size, page * size);

/** The numbers of the pages after the first, for getStaticPaths of the "…/[page]" routes. */
export const laterPages = (total: number, size = TALKS_PER_PAGE): number[] =>
  Array.from({ length: pageCount(total, size) - 1 }, (_, index) => index + 2);

/** The URL path of page `page` of a list whose first page is `first` (a directory URL ending in "/"). */
export const pagePath = (first: string, page: number): string => (page <= 1 ? first : `${first}${page}/`);

export interface PagerLink {
  page: number;
  href: string;
  current: boolean;
}

/**
 * The links a pager shows: previous, next, and every page number when there are few, otherwise the first, the last
 * and the pages next to the current one (gaps are `undefined`), so the pager itself stays small.
 */
export function pagerLinks(first: string, page: number, total: number, size = TALKS_PER_PAGE) {
  const count = pageCount(total, size);
  const shown = [...new Set([1, page - 1, page, page + 1, count])].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
  const pages: Array<PagerLink | undefined> = [];
  shown.forEach((n, index) => {
    if (index > 0 && n - shown[index - 1] > 1) pages.push(undefined);
    pages.push({ page: n, href: pagePath(first, n), current: n === page });
  });
  return {
    count,
    prev: page > 1 ? pagePath(first, page - 1) : undefined,
    next: page < count ? pagePath(first, page + 1) : undefined,
    pages,
  };
}

/** The speakers index names at most this many talks per speaker, then links to the speaker's own pages. */
export const INDEX_TALKS_PER_SPEAKER = 5;
