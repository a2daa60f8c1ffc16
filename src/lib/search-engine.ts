/**
 * One search, from the page's state to ordered results, on top of Pagefind's browser API (passed in, so the same code
 * runs in the page and in tests). A query is prepared by src/lib/search.ts: Pagefind ranks the pages that hold every
 * word and Han character of the query, and each run of Chinese characters must also be found as an exact phrase,
 * which throws out pages where 回 and 收 only occur apart.
 */
import { FACETS, hasFilters, pagefindFilters, type SearchState } from './search-url.ts';
import { FOLD_FILE, foldFromPairs, matchesQuery, prepareQuery, tidyChinese, type FoldTable, type PreparedQuery } from './search.ts';

export interface PagefindSubResult {
  url: string;
  title: string;
  excerpt: string;
  weighted_locations?: Array<{ balanced_score: number }>;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text (Han characters spaced). */
  content?: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  /** The page cut at its headings with an id; the first part is the text before the first such heading. */
  sub_results?: PagefindSubResult[];
}

/**
 * The excerpt to show for a result: that of the section where the query weighs most. Pagefind's own excerpt only
 * looks before the first heading with an id, which on a talk page is the list of facts, not the review.
 */
export function bestExcerpt(data: Pick<PagefindResultData, 'excerpt' | 'sub_results'> & { meta?: PagefindResultData['meta'] }, query?: PreparedQuery): string {
  // Pagefind matches Chinese character by character; a section whose excerpt holds the query's runs whole comes first.
  const holdsRuns = (excerpt: string) => {
    const text = tidyChinese(excerpt.replace(/<\/?mark>/g, ''));
    return (query?.han ?? []).every((run) => text.includes(run));
  };
  // A section that is only the page's title (the h1 before the first heading with an id) repeats the result's heading.
  const plain = (excerpt: string) => tidyChinese(excerpt.replace(/<\/?mark>/g, '')).replace(/[\s.…]+/g, '');
  const title = plain(data.meta?.title ?? '');
  const sections = (data.sub_results ?? []).filter((section) => plain(section.excerpt) !== title);
  let best = sections.length < (data.sub_results ?? []).length && sections[0] ? sections[0].excerpt : data.excerpt;
  let bestRank: [boolean, number] = [false, -1];
  for (const section of sections) {
    const rank: [boolean, number] = [holdsRuns(section.excerpt), (section.weighted_locations ?? []).reduce((sum, location) => sum + location.balanced_score, 0)];
    if (Number(rank[0]) > Number(bestRank[0]) || (rank[0] === bestRank[0] && rank[1] > bestRank[1])) {
      best = section.excerpt;
      bestRank = rank;
    }
  }
  return best;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
  totalFilters?: FilterCounts;
}

export interface PagefindApi {
  search(term: string | null, options?: { filters?: object; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindResponse | null>;
  filters(): Promise<FilterCounts>;
  /** Loads the WebAssembly and the index's metadata ahead of the first search. */
  init?(): Promise<void>;
  /** Fetches the index chunks a term will need, while the reader is still typing it. */
  preload?(term: string): Promise<void>;
}

export interface SearchOutcome {
  query: PreparedQuery;
  /** The fold table the query was prepared with. */
  fold: FoldTable;
  /** Results in rank order (by date for a filter-only search); `data` loads the excerpt best suited for display. */
  results: PagefindResult[];
  /** How many results each filter value would leave, for the facet labels. */
  counts: FilterCounts;
  /** False when the state asks for nothing (no query, no filter): nothing was searched. */
  searched: boolean;
}

/** Pagefind's ranking weights: a title, a speaker's name or a tag label outweighs body text; display-only fields add nothing. */
export const RANKING = {
  metaWeights: { title: 5, names: 5, titles: 4, topics: 2, pinyin: 3, orgs: 1, folded: 1, code: 1, facts: 0.5, label: 0, speakers: 0, summary: 0, where: 0, lang: 0, alt: 0 },
};

async function searchOrEmpty(pagefind: PagefindApi, term: string | null, options: Parameters<PagefindApi['search']>[1]): Promise<PagefindResponse> {
  return (await pagefind.search(term, options)) ?? { results: [], filters: {} };
}

/** The results of a prepared query under some filters, and how many of them each filter value holds. */
async function searchOnce(pagefind: PagefindApi, query: PreparedQuery, filters: object): Promise<{ results: PagefindResult[]; counts: FilterCounts }> {
  if (query.term === null) {
    // No words: browse every page with those filters, oldest first as in a schedule.
    const browse = await searchOrEmpty(pagefind, null, { filters, sort: { date: 'asc' } });
    return { results: browse.results, counts: browse.filters };
  }
  const [ranked, ...phrases] = await Promise.all([
    searchOrEmpty(pagefind, query.term, { filters }),
    ...query.phrases.map((phrase) => searchOrEmpty(pagefind, `"${phrase}"`, { filters })),
  ]);
  if (phrases.length === 0) return { results: ranked.results, counts: ranked.filters };
  const phraseHits = phrases.map((response) => new Map(response.results.map((result) => [result.id, result])));
  const results = ranked.results.filter((result) => phraseHits.every((hits) => hits.has(result.id)));
  // With one phrase and nothing else, the phrase search's counts are exact; otherwise the ranked search's are an upper bound.
  const exact = phrases.length === 1 && query.words.length === 0 && query.han.length === 1;
  return { results, counts: exact ? phrases[0].filters : ranked.filters };
}

/** Everything of a result's record that search matches against: its indexed text and every metadata value. */
export const searchableTexts = (data: Pick<PagefindResultData, 'meta'> & { content?: string }): string[] => [
  data.content ?? '',
  ...Object.values(data.meta).filter((value): value is string => typeof value === 'string'),
];

/** The same result with its record loaded at most once (the check below and the page's rendering share it). */
function once(result: PagefindResult): PagefindResult {
  let data: Promise<PagefindResultData> | undefined;
  return { ...result, data: () => (data ??= result.data()) };
}

/**
 * Whether Pagefind's results answer the query or only a prefix it fell back to. Pagefind cuts a word it cannot find
 * back to the longest prefix that is in the index, for the whole index at once, so the first result stands for all:
 * if it fails matchesQuery, no page holds the word and the search has no results. Costs one record, the one shown first.
 */
async function answersQuery(results: PagefindResult[], query: PreparedQuery, fold: FoldTable): Promise<boolean> {
  if (results.length === 0 || query.words.length === 0) return true;
  return matchesQuery(query, searchableTexts(await results[0].data()), fold);
}

export interface SearchOptions {
  /**
   * Traditional → simplified table for the query's Han characters (see FOLD_FILE), or a function that loads it; it
   * is called only for a query with Han characters.
   */
  fold?: FoldTable | (() => Promise<FoldTable>);
}

const tables = new Map<string, Promise<FoldTable>>();
/** The fold table of a site under `base`, fetched once per page; an unreadable table folds nothing. */
export function fetchFoldTable(base: string): Promise<FoldTable> {
  const url = `${base.endsWith('/') ? base : `${base}/`}${FOLD_FILE}`;
  if (!tables.has(url)) tables.set(url, fetch(url).then(async (response) => (response.ok ? foldFromPairs(await response.json()) : {})).catch(() => ({})));
  return tables.get(url)!;
}

/**
 * The final check of one result, for whoever shows it (the search page, the header's list): whether its record holds
 * the query (matchesQuery). Results failing it are not shown.
 */
export const resultMatches = (outcome: Pick<SearchOutcome, 'query' | 'fold'>, data: Pick<PagefindResultData, 'meta'> & { content?: string }): boolean =>
  outcome.query.term === null || matchesQuery(outcome.query, searchableTexts(data), outcome.fold);

export async function runSearch(pagefind: PagefindApi, state: SearchState, options: SearchOptions = {}): Promise<SearchOutcome> {
  const fold = typeof options.fold === 'function' ? (/\p{Script=Han}/u.test(state.q) ? await options.fold() : {}) : (options.fold ?? {});
  const query = prepareQuery(state.q, fold);
  // Loads every filter's index once (alongside the search), so that each search also reports how many results each
  // filter value holds.
  const filterTotals = pagefind.filters();
  if (query.term === null && !hasFilters(state)) return { query, fold, results: [], counts: await filterTotals, searched: false };
  const [totals, main] = await Promise.all([filterTotals, searchOnce(pagefind, query, pagefindFilters(state))]);
  const results = main.results.map(once);
  if (!(await answersQuery(results, query, fold))) {
    // Nothing matches: every facet value leaves nothing either.
    const none = Object.fromEntries(Object.entries(totals).map(([facet, values]) => [facet, Object.fromEntries(Object.keys(values).map((value) => [value, 0]))]));
    return { query, fold, results: [], counts: none, searched: true };
  }
  // A facet's own choices are alternatives, so its counts ignore its own selection and honour the other facets.
  const counts: FilterCounts = { ...main.counts };
  await Promise.all(
    FACETS.filter((facet) => state.filters[facet].length > 0).map(async (facet) => {
      const others = pagefindFilters({ ...state, filters: { ...state.filters, [facet]: [] } });
      counts[facet] = (await searchOnce(pagefind, query, others)).counts[facet] ?? {};
    }),
  );
  return { query, fold, results, counts, searched: true };
}
