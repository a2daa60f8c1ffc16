/**
 * The search page's behaviour, loaded by its small loader only once a reader starts a search (see search.astro).
 * `<search-page>` reads its state from the URL, keeps the form and the URL in step, and imports Pagefind (index and
 * all) as soon as it loads, preloading the index chunks a query needs while it is typed. The rules of a search live
 * in src/lib/search*.ts; this file only wires them to the page.
 */
import { RANKING, bestExcerpt, fetchFoldTable, resultMatches, runSearch, type PagefindApi, type PagefindResult, type SearchOutcome } from '../lib/search-engine.ts';
import { FACETS, emptyFilters, hasCriteria, parseSearchParams, sameState, searchHref, type Facet, type SearchState } from '../lib/search-url.ts';
import { chunksForQuery, type IndexChunk } from '../lib/search-chunks.ts';
import { highlightExcerpt, highlightText, prepareQuery, tidyChinese } from '../lib/search.ts';
import { searchBundleUrl } from '../lib/site-constants.ts';

interface Messages {
  loading: string;
  count: string;
  countOne: string;
  none: string;
  error: string;
  prompt: string;
  kinds: Record<string, string>;
  /** "Page in English", keyed by the lang of the page a result is in. */
  pageIn: Record<string, string>;
}

/**
 * Results shown first: each costs its record (1-2 KB), so a search fetches only about a screenful. "Show more", or
 * scrolling down to it, adds PAGE_SIZE more.
 */
const FIRST_PAGE = 8;
const PAGE_SIZE = 20;
/** Pause after the last keystroke before searching. */
const TYPING_PAUSE_MS = 200;

class SearchPage extends HTMLElement {
  private pagefind?: Promise<PagefindApi>;
  private form!: HTMLFormElement;
  private input!: HTMLInputElement;
  private status!: HTMLElement;
  private list!: HTMLOListElement;
  private more!: HTMLButtonElement;
  private clear!: HTMLButtonElement;
  private none!: HTMLElement;
  private messages!: Messages;
  private run = 0;
  private typingTimer?: ReturnType<typeof setTimeout>;
  /** Whether the reader is typing on top of a state already in the history; the first keystroke then adds an entry. */
  private typing = false;
  private shown: PagefindResult[] = [];
  private outcome?: SearchOutcome;
  /** The outcome whose next results are being shown, so a second "show more" waits for the first. */
  private showing?: SearchOutcome;
  /** The language's index chunks (data-chunks on the script in <head>, written in at build time). */
  private chunks: IndexChunk[] = [];

  connectedCallback() {
    this.form = this.querySelector('form')!;
    this.input = this.form.querySelector('input[name="q"]')!;
    this.status = this.querySelector('[role="status"]')!;
    this.list = this.querySelector('.search-results')!;
    this.more = this.querySelector('.search-more')!;
    this.clear = this.querySelector('.search-clear')!;
    this.none = this.querySelector('.search-none')!;
    this.messages = JSON.parse(this.dataset.messages ?? '{}');
    this.chunks = JSON.parse(document.querySelector<HTMLElement>('script[data-search-ahead]')?.dataset.chunks ?? '[]');

    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.commit();
    });
    this.input.addEventListener('input', () => {
      this.preload();
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => this.onTyping(), TYPING_PAUSE_MS);
    });
    this.form.addEventListener('change', (event) => {
      if ((event.target as HTMLElement).matches('input[type="checkbox"]')) this.commit();
    });
    this.clear.addEventListener('click', () => {
      for (const box of this.checkboxes()) box.checked = false;
      this.commit();
    });
    this.more.addEventListener('click', () => void this.showMore());
    // Reaching the "show more" button by scrolling shows more as well.
    new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && void this.showMore(), { rootMargin: '200px' }).observe(this.more);
    addEventListener('popstate', () => {
      this.typing = false;
      const state = parseSearchParams(new URLSearchParams(location.search));
      this.fill(state);
      void this.search(state);
    });

    // This module loads when a reader starts on the form, so the index starts loading now, while they type.
    void this.loadPagefind().then((pagefind) => pagefind.init?.());
    this.preload();
    // The reader may have typed or ticked something while this module loaded; the URL wins when it says anything.
    const fromUrl = parseSearchParams(new URLSearchParams(location.search));
    if (hasCriteria(fromUrl)) {
      this.fill(fromUrl);
      void this.search(fromUrl);
    } else if (hasCriteria(this.read())) this.commit();
    else this.say(this.messages.prompt);
  }

  private checkboxes(): HTMLInputElement[] {
    return [...this.form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  }

  private read(): SearchState {
    const filters = emptyFilters();
    for (const box of this.checkboxes()) if (box.checked && (FACETS as readonly string[]).includes(box.name)) filters[box.name as Facet].push(box.value);
    return { q: this.input.value.trim(), filters };
  }

  private fill(state: SearchState) {
    this.input.value = state.q;
    for (const box of this.checkboxes()) {
      box.checked = (state.filters[box.name as Facet] ?? []).includes(box.value);
      // A facet with a choice in it is shown open, so the reader sees what narrows the results.
      const facet = box.closest('details');
      if (box.checked && facet) facet.open = true;
    }
  }

  private current(): SearchState {
    return parseSearchParams(new URLSearchParams(location.search));
  }

  /** Enter, a filter, "clear": the state becomes its own history entry, so Back returns to the one before. */
  private commit() {
    clearTimeout(this.typingTimer);
    this.typing = false;
    const state = this.read();
    if (!sameState(state, this.current())) history.pushState(null, '', searchHref(location.pathname, state));
    void this.search(state);
  }

  private onTyping() {
    const state = this.read();
    if (sameState(state, this.current())) return;
    const href = searchHref(location.pathname, state);
    if (this.typing) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    this.typing = true;
    void this.search(state);
  }

  /** Fetches, while the reader types, what the query will need: the fold table for Chinese, Pagefind's index chunks. */
  private preload() {
    const q = this.input.value.trim();
    if (/\p{Script=Han}/u.test(q)) void fetchFoldTable(this.dataset.base ?? '/');
    if (!q) return;
    this.preloadChunks(q);
    void this.loadPagefind().then((pagefind) => pagefind.preload?.(prepareQuery(q).term ?? ''));
  }

  /**
   * Asks for the index chunks a query's words fall in (src/lib/search-chunks.ts) at once, alongside Pagefind's
   * WebAssembly, rather than after it has loaded and worked them out.
   */
  private preloadChunks(q: string) {
    const folder = searchBundleUrl(this.dataset.base ?? '/').replace(/[^/]+$/, 'index/');
    for (const hash of chunksForQuery(prepareQuery(q).term ?? '', this.chunks)) {
      const href = `${folder}${hash}.pf_index`;
      // Asked for once, whether by an earlier query or by the script in <head> (a shared link's query).
      if (document.head.querySelector(`link[rel="preload"][href="${href}"]`)) continue;
      document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href }));
    }
  }

  private loadPagefind(): Promise<PagefindApi> {
    this.pagefind ??= (async () => {
      const bundle = searchBundleUrl(this.dataset.base ?? '/');
      const pagefind = (await import(/* @vite-ignore */ bundle)) as PagefindApi & { options(options: object): Promise<void> };
      await pagefind.options({
        // The indexed URLs already include the base (/notes/...); Pagefind would otherwise prefix it a second time.
        baseUrl: '/',
        // The index is small enough to search on the main thread, which saves the worker's 12 KB (gzip) download.
        noWorker: true,
        ranking: RANKING,
        excerptLength: Number(this.dataset.excerptLength ?? 30),
        excerptEllipsis: '…',
        // The tag of the entry file, so Pagefind asks for the URL the page's loader has already fetched.
        ...(this.dataset.pagefindTag ? { metaCacheTag: this.dataset.pagefindTag } : {}),
      });
      return pagefind;
    })();
    return this.pagefind;
  }

  private say(text: string) {
    this.status.textContent = text;
  }

  private async search(state: SearchState) {
    const run = ++this.run;
    // Which address the results on screen answer; tests and scripts wait for it to match the URL.
    const address = location.search;
    this.keepLanguageSwitch(address);
    this.clear.hidden = !FACETS.some((facet) => state.filters[facet].length > 0);
    this.none.hidden = true;
    if (!hasCriteria(state)) {
      this.list.replaceChildren();
      this.more.hidden = true;
      this.setCounts({});
      this.say(this.messages.prompt);
      this.dataset.shown = address;
      return;
    }
    this.setAttribute('aria-busy', 'true');
    if (state.q) this.preloadChunks(state.q);
    // Only the first search waits for the index to load; later ones are quick, and a live region should not chatter.
    if (!this.pagefind) this.say(this.messages.loading);
    try {
      const outcome = await runSearch(await this.loadPagefind(), state, { fold: () => fetchFoldTable(this.dataset.base ?? '/') });
      if (run !== this.run) return;
      this.outcome = outcome;
      this.shown = [];
      this.list.replaceChildren();
      this.setCounts(outcome.counts);
      const total = outcome.results.length;
      this.say(total === 0 ? this.messages.none : total === 1 ? this.messages.countOne : this.messages.count.replace('{n}', String(total)));
      this.none.hidden = total > 0;
      await this.showMore(run);
    } catch (error) {
      if (run !== this.run) return;
      console.error(error);
      this.list.replaceChildren();
      this.more.hidden = true;
      this.say(this.messages.error);
    } finally {
      if (run === this.run) {
        this.dataset.shown = address;
        this.removeAttribute('aria-busy');
      }
    }
  }

  /**
   * Shows the next FIRST_PAGE or PAGE_SIZE results that pass the final check (resultMatches), each as soon as its
   * record arrives and those before it are shown; the records of a batch load in parallel.
   */
  private async showMore(run = this.run) {
    const outcome = this.outcome;
    if (!outcome || this.showing === outcome) return;
    this.showing = outcome;
    try {
      const wanted = this.list.childElementCount + (this.shown.length === 0 ? FIRST_PAGE : PAGE_SIZE);
      while (this.list.childElementCount < wanted && this.shown.length < outcome.results.length) {
        const next = outcome.results.slice(this.shown.length, this.shown.length + wanted - this.list.childElementCount);
        const records = next.map((result) => result.data());
        for (const [i, record] of records.entries()) {
          const item = await record;
          if (run !== this.run) return;
          this.shown.push(next[i]);
          if (resultMatches(outcome, item)) this.list.append(this.renderResult(item, outcome));
        }
      }
      this.more.hidden = this.shown.length >= outcome.results.length;
    } finally {
      if (this.showing === outcome) this.showing = undefined;
    }
  }

  private renderResult(data: Awaited<ReturnType<PagefindResult['data']>>, outcome: SearchOutcome): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'search-result';
    const kind = data.filters.kind?.[0] ?? '';
    item.dataset.kind = kind;

    const context = document.createElement('p');
    context.className = 'search-result-context';
    context.textContent = [this.messages.kinds[kind], data.meta.where].filter(Boolean).join(' · ');

    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = data.url;
    link.innerHTML = highlightText(data.meta.label ?? tidyChinese(data.meta.title ?? data.url), outcome.query);
    heading.append(link);
    item.append(context, heading);

    // A result in the other language (a stand-in's record filed under the original) says so, and links in that language.
    const pageLang = data.meta.lang;
    if (pageLang && pageLang !== document.documentElement.lang) {
      link.hreflang = pageLang;
      const note = document.createElement('span');
      note.className = 'search-result-lang';
      note.textContent = ` · ${this.messages.pageIn[pageLang] ?? pageLang}`;
      context.append(note);
    }
    // The official title in the other language, when that is what the query matched.
    const alt = data.meta.alt;
    if (alt && outcome.query.term !== null) {
      const marked = highlightText(alt, outcome.query);
      if (marked.includes('<mark>') && !link.innerHTML.includes('<mark>')) {
        const line = document.createElement('p');
        line.className = 'search-result-alt';
        line.lang = /\p{Script=Han}/u.test(alt) ? 'zh-CN' : 'en';
        line.innerHTML = marked;
        item.append(line);
      }
    }

    if (data.meta.speakers) {
      const who = document.createElement('p');
      who.className = 'search-result-speakers';
      who.innerHTML = highlightText(data.meta.speakers, outcome.query);
      item.append(who);
    }
    const text = document.createElement('p');
    text.className = 'search-result-text';
    // A search for words shows where they occur; browsing by filter shows each page's own summary.
    const excerpt = bestExcerpt(data, outcome.query);
    if (outcome.query.term !== null && excerpt) text.innerHTML = highlightExcerpt(excerpt, outcome.query, pageLang ?? document.documentElement.lang);
    else text.textContent = data.meta.summary ?? '';
    if (text.textContent) item.append(text);
    return item;
  }

  /** Filter values are the same ids in both languages, so the other language's search page can take the same search. */
  private keepLanguageSwitch(address: string) {
    const link = document.querySelector<HTMLAnchorElement>('a.lang-switch');
    if (link) link.href = link.href.split('?')[0] + address;
  }

  private setCounts(counts: Record<string, Record<string, number>>) {
    for (const box of this.checkboxes()) {
      const count = box.parentElement?.querySelector('.facet-count');
      if (!count) continue;
      const value = counts[box.name]?.[box.value];
      count.textContent = value === undefined ? '' : String(value);
    }
  }
}

customElements.define('search-page', SearchPage);
