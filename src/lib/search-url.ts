/**
 * The search page's state lives in its URL (?q=...&speaker=...&tag=...), so a search can be shared and Back returns to
 * the previous one. Filter values are stable ids (speaker and tag ids, ISO dates, kinds), the same in both languages.
 */

/** Facets a reader can filter by, in the order the page shows them and the URL lists them. */
export const FACETS = ['kind', 'speaker', 'tag', 'day', 'conference'] as const;
export type Facet = (typeof FACETS)[number];

/** Kinds of indexed pages; a page's `kind` filter holds one of these. */
export const KINDS = ['talk', 'guide', 'conference'] as const;
export type Kind = (typeof KINDS)[number];

export interface SearchState {
  q: string;
  filters: Record<Facet, string[]>;
}

export const emptyFilters = (): Record<Facet, string[]> =>
  Object.fromEntries(FACETS.map((facet) => [facet, [] as string[]])) as unknown as Record<Facet, string[]>;

export function parseSearchParams(params: URLSearchParams): SearchState {
  const filters = emptyFilters();
  for (const facet of FACETS) filters[facet] = [...new Set(params.getAll(facet).map((value) => value.trim()).filter(Boolean))];
  return { q: (params.get('q') ?? '').trim(), filters };
}

/** Query string of a state, in a stable order (q first, then facets), empty parts left out; no leading "?". */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of FACETS) for (const value of state.filters[facet] ?? []) params.append(facet, value);
  return params;
}

export const searchHref = (pathname: string, state: SearchState): string => {
  const query = toSearchParams(state).toString();
  return query ? `${pathname}?${query}` : pathname;
};

export const hasFilters = (state: SearchState): boolean => FACETS.some((facet) => (state.filters[facet] ?? []).length > 0);

/** Whether the state asks for anything: a query or at least one filter. */
export const hasCriteria = (state: SearchState): boolean => state.q.trim() !== '' || hasFilters(state);

/**
 * Pagefind's filter object: values of one facet are alternatives (any of the chosen speakers), facets narrow each
 * other (that speaker and that tag).
 */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const facet of FACETS) if ((state.filters[facet] ?? []).length > 0) filters[facet] = { any: [...state.filters[facet]] };
  return filters;
}

export const sameState = (a: SearchState, b: SearchState): boolean => toSearchParams(a).toString() === toSearchParams(b).toString();
