/**
 * One search, from the page's state to ordered results, on top of Pagefind's browser API (passed in, so the same code
 * runs in the page and in tests). A query is prepared by src/lib/search.ts: Pagefind ranks the pages that hold every
 * word and Han character of the query, and each run of Chinese characters must also be found as an exact phrase,
 * which throws out pages where 回 and 收 only occur apart.
 */
import { FACETS, hasFilters, pagefindFilters, type SearchState } from './search-url.ts';
import { prepareQuery, tidyChinese, type PreparedQuery } from './search.ts';

export interface PagefindSubResult {
  url: string;
  title: string;
  excerpt: string;
  weighted_locations?: Array<{ balanced_score: number }>;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  /** The page cut at its headings with an id; the first part is the text before the first such heading. */
  sub_results?: PagefindSubResult[];
}

/**
 * The excerpt to show for a result: that of the section where the query weighs most. Pagefind's own excerpt only
 * looks before the first heading with an id, which on a talk page is the list of facts, not the review.
 */
export function bestExcerpt(data: Pick<PagefindResultData, 'excerpt' | 'sub_results'>, query?: PreparedQuery): string {
  // Pagefind matches Chinese character by character; a section whose excerpt holds the query's runs whole comes first.
  const holdsRuns = (excerpt: string) => {
    const text = tidyChinese(excerpt.replace(/<\/?mark>/g, ''));
    return (query?.han ?? []).every((run) => text.includes(run));
  };
  let best = data.excerpt;
  let bestRank: [boolean, number] = [false, -1];
  for (const section of data.sub_results ?? []) {
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
}

export interface SearchOutcome {
  query: PreparedQuery;
  /** Results in rank order (by date for a filter-only search); `data` loads the excerpt best suited for display. */
  results: PagefindResult[];
  /** How many results each filter value would leave, for the facet labels. */
  counts: FilterCounts;
  /** False when the state asks for nothing (no query, no filter): nothing was searched. */
  searched: boolean;
}

/** Pagefind's ranking weights: a title, a speaker's name or a tag label outweighs body text; display-only fields add nothing. */
export const RANKING = {
  metaWeights: { title: 5, names: 5, topics: 2, label: 0, speakers: 0, summary: 0, where: 0 },
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

export async function runSearch(pagefind: PagefindApi, state: SearchState): Promise<SearchOutcome> {
  const query = prepareQuery(state.q);
  // Loads every filter's index once, so that each search also reports how many results each filter value holds.
  const totals = await pagefind.filters();
  if (query.term === null && !hasFilters(state)) return { query, results: [], counts: totals, searched: false };
  const main = await searchOnce(pagefind, query, pagefindFilters(state));
  // A facet's own choices are alternatives, so its counts ignore its own selection and honour the other facets.
  const counts: FilterCounts = { ...main.counts };
  await Promise.all(
    FACETS.filter((facet) => state.filters[facet].length > 0).map(async (facet) => {
      const others = pagefindFilters({ ...state, filters: { ...state.filters, [facet]: [] } });
      counts[facet] = (await searchOnce(pagefind, query, others)).counts[facet] ?? {};
    }),
  );
  return { query, results: main.results, counts, searched: true };
}
