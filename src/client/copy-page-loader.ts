/**
 * The loader of "Copy page as Markdown" on pages without code blocks (on pages with code, copy-loader.ts does the
 * same for every tool): shows the button and, on its first click, fetches the code that copies (copy-page.ts, built
 * standalone through `?worker&url` so this stays tiny), then hands it the click as an `enhance` event.
 */
import copyPageModule from './copy-page-standalone.ts?worker&url';

for (const button of document.querySelectorAll<HTMLElement>('[data-copy-page]')) {
  button.hidden = false;
  button.addEventListener('click', (event) =>
    void import(/* @vite-ignore */ copyPageModule).then(() => button.dispatchEvent(new CustomEvent('enhance', { bubbles: true, detail: event }))),
  );
}
