/**
 * The header search panel, fetched by SearchBox.astro's loader when a reader first focuses or types in the header box.
 * Results come from the same engine as the search page (src/lib/search-engine.ts over Pagefind) and show under the
 * box as the reader types. Keys: ↓/↑ move between results, Enter opens one (in the box: the full results page),
 * Escape closes the panel and returns to the box.
 */
import { RANKING, bestExcerpt, runSearch, type PagefindApi } from '../lib/search-engine.ts';
import { emptyFilters, searchHref } from '../lib/search-url.ts';
import { highlightExcerpt, highlightText, tidyChinese } from '../lib/search.ts';
import { searchBundleUrl } from '../lib/site-constants.ts';

/** Results the panel lists; the rest are a link away on the search page. */
const SHOWN = 6;
const TYPING_PAUSE_MS = 120;

interface Messages {
  loading: string;
  none: string;
  error: string;
  count: string;
  countOne: string;
  kinds: Record<string, string>;
}

const form = document.querySelector<HTMLFormElement>('form.header-search');
if (form && !form.dataset.ready) {
  form.dataset.ready = 'true';
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const panel = form.querySelector<HTMLElement>('.search-panel')!;
  const status = panel.querySelector<HTMLElement>('[role="status"]')!;
  const list = panel.querySelector<HTMLOListElement>('ol')!;
  const all = panel.querySelector<HTMLAnchorElement>('.search-panel-all')!;
  const messages = JSON.parse(form.dataset.messages ?? '{}') as Messages;
  let pagefind: Promise<PagefindApi> | undefined;
  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** True while the list is being replaced, when a focused result leaving the page is not the reader leaving. */
  let refreshing = false;

  const loadPagefind = () =>
    (pagefind ??= (async () => {
      const api = (await import(/* @vite-ignore */ searchBundleUrl(form.dataset.base ?? '/'))) as PagefindApi & { options(options: object): Promise<void> };
      // The same options as the search page (src/client/search-page.ts), so both rank and cut excerpts alike.
      await api.options({ baseUrl: '/', noWorker: true, ranking: RANKING, excerptLength: Number(form.dataset.excerptLength ?? 22), excerptEllipsis: '…' });
      return api;
    })());

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  const show = (open: boolean) => {
    panel.hidden = !open;
    form.classList.toggle('has-panel', open);
  };

  const search = async () => {
    const q = input.value.trim();
    const current = ++run;
    const state = { q, filters: emptyFilters() };
    all.href = searchHref(form.action.replace(/^[a-z]+:\/\/[^/]+/i, ''), state);
    if (!q) {
      show(false);
      list.replaceChildren();
      return;
    }
    show(true);
    if (!list.childElementCount) status.textContent = messages.loading;
    try {
      const outcome = await runSearch(await loadPagefind(), state);
      const data = await Promise.all(outcome.results.slice(0, SHOWN).map((result) => result.data()));
      if (current !== run) return;
      const total = outcome.results.length;
      status.textContent = total === 0 ? messages.none : total === 1 ? messages.countOne : messages.count.replace('{n}', String(total));
      const rows = data.map((item) => {
        const entry = document.createElement('li');
        const link = document.createElement('a');
        link.href = item.url;
        const title = document.createElement('strong');
        title.innerHTML = highlightText(item.meta.label ?? tidyChinese(item.meta.title ?? item.url), outcome.query);
        const context = document.createElement('small');
        context.textContent = [messages.kinds[item.filters.kind?.[0] ?? ''], item.meta.where].filter(Boolean).join(' · ');
        const excerpt = document.createElement('span');
        excerpt.innerHTML = highlightExcerpt(bestExcerpt(item, outcome.query), outcome.query, item.meta.lang ?? document.documentElement.lang);
        link.append(title, context, excerpt);
        entry.append(link);
        return entry;
      });
      // A reader who pressed ↓ before this answer arrived (the answer to an earlier keystroke was on screen) keeps
      // their place: the same row of the new list (its last if it is shorter, the box if it is empty). Otherwise
      // focus would fall to <body> with the old row and the panel would close.
      const focusedRow = links().indexOf(document.activeElement as HTMLAnchorElement);
      refreshing = true;
      list.replaceChildren(...rows);
      refreshing = false;
      if (focusedRow >= 0) {
        const items = links();
        (items[Math.min(focusedRow, items.length - 1)] ?? input).focus();
      }
      form.dataset.shown = q;
    } catch (error) {
      if (current !== run) return;
      console.error(error);
      if (list.contains(document.activeElement)) input.focus();
      list.replaceChildren();
      status.textContent = messages.error;
    }
  };

  input.addEventListener('input', () => {
    // Pagefind starts loading with the first keystroke rather than after the typing pause.
    void loadPagefind();
    clearTimeout(timer);
    timer = setTimeout(() => void search(), TYPING_PAUSE_MS);
  });
  // A click back into the box shows the last results again (Escape hid them; focus alone does not bring them back).
  input.addEventListener('click', () => {
    if (input.value.trim() && list.childElementCount) show(true);
  });
  form.addEventListener('keydown', (event) => {
    const items = links();
    const at = items.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      if (panel.hidden) {
        input.blur();
        document.body.classList.remove('searching');
      } else show(false);
      input.focus();
      event.preventDefault();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !panel.hidden && items.length) {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? (at + 1) % items.length : at <= 0 ? -1 : at - 1;
      if (next === -1) input.focus();
      else items[next].focus();
    }
  });
  // The panel closes when focus or a click goes elsewhere on the page.
  form.addEventListener('focusout', (event) => {
    if (refreshing) return;
    if (!form.contains(event.relatedTarget as Node | null)) show(false);
  });
  document.addEventListener('pointerdown', (event) => {
    if (!form.contains(event.target as Node)) {
      show(false);
      if (!input.value.trim()) document.body.classList.remove('searching');
    }
  });
  // Typed before this module arrived: search for it now.
  if (input.value.trim()) void search();
}
