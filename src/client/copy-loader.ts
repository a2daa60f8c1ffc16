/**
 * The only code a page with code blocks runs up front. It shows the copy buttons and the guide's form (both hidden
 * without JS, since they need it) and, when the reader first uses one, fetches the code that does the work, then
 * hands it the event as an `enhance` event fired at the button or form: copy.ts copies, guide-config.ts attaches.
 *
 * `?worker&url` builds each module as a standalone ES module and gives its URL; a plain import() of that URL keeps
 * Vite's module-preload helper (about 1 KB gzip) out of this loader, which must stay small on a reading page.
 */
import copyModule from './copy.ts?worker&url';
import guideConfigModule from './guide-config.ts?worker&url';

const TOOLS = '[data-copy],[data-guide-config]';
for (const tool of document.querySelectorAll<HTMLElement>(TOOLS)) tool.hidden = false;

const enhance = (event: Event) => {
  const tool = (event.target as Element).closest?.(TOOLS);
  if (tool) {
    void import(/* @vite-ignore */ tool.matches('[data-copy]') ? copyModule : guideConfigModule).then(() =>
      tool.dispatchEvent(new CustomEvent('enhance', { bubbles: true, detail: event })),
    );
  }
};
addEventListener('click', enhance);
addEventListener('input', enhance);
