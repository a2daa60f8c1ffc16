/**
 * The only code a page with code blocks runs up front. The copy buttons and the guide's form (hidden without JS,
 * since they need it) are shown by CSS when JS runs; when the reader first uses one, this fetches the code that
 * does the work, then hands it the event as an `enhance` event fired at the button or form: copy.ts copies, guide-config.ts attaches.
 *
 * `?worker&url` builds each module as a standalone ES module and gives its URL; a plain import() of that URL keeps
 * Vite's module-preload helper (about 1 KB gzip) out of this loader, which must stay small on a reading page.
 */
import copyModule from './copy.ts?worker&url';
import copyPageModule from './copy-page.ts?worker&url';
import guideConfigModule from './guide-config.ts?worker&url';

// "Copy page as Markdown" (src/components/CopyPage.astro) rides on this loader on pages with code, so such a page
// runs one loader, not two. The tools are already shown: CSS shows them from the first frame once the theme script
// has set data-js (src/styles/global.css), so this loader touches no element on load and the page is laid out once.
const TOOLS = '[data-copy],[data-guide-config],[data-copy-page]';

const enhance = (event: Event) => {
  const tool = (event.target as Element).closest?.(TOOLS);
  if (tool) {
    void import(/* @vite-ignore */ tool.matches('[data-copy-page]') ? copyPageModule : tool.matches('[data-copy]') ? copyModule : guideConfigModule).then(() =>
      tool.dispatchEvent(new CustomEvent('enhance', { bubbles: true, detail: event })),
    );
  }
};
addEventListener('click', enhance);
addEventListener('input', enhance);
