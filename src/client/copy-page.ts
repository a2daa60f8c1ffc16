/**
 * Copies a page's Markdown twin (the element's data-href) to the clipboard, loaded on the first click of "Copy page
 * as Markdown". The text goes in as a promise inside a ClipboardItem where the browser supports that, so browsers
 * that want the write to start inside the click get it; otherwise it is fetched, then written. The element's live
 * region says whether it worked.
 */
const timers = new WeakMap<Element, ReturnType<typeof setTimeout>>();

function say(element: HTMLElement, done: boolean) {
  const region = element.querySelector<HTMLElement>('.copy-page-status');
  if (!region) return;
  region.textContent = '';
  clearTimeout(timers.get(region));
  requestAnimationFrame(() => {
    region.textContent = (done ? region.dataset.done : region.dataset.failed) ?? '';
    timers.set(region, setTimeout(() => (region.textContent = ''), 4000));
  });
}

async function copyPage(element: HTMLElement) {
  const text = fetch(element.dataset.href!).then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))));
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard.write) {
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': text.then((markdown) => new Blob([markdown], { type: 'text/plain' })) })]);
    } else {
      await navigator.clipboard.writeText(await text);
    }
    say(element, true);
  } catch {
    say(element, false);
  }
}

document.addEventListener('enhance', (event) => {
  const element = (event.target as Element).closest<HTMLElement>('copy-page');
  if (element && (event.target as Element).matches('[data-copy-page]')) void copyPage(element);
});
export {};
