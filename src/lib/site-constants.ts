/**
 * Facts that the browser code (src/client/, component scripts, the inline scripts) and the build share, defined once.
 * Nothing here may import Node modules: the browser bundles import this file too.
 */

/** The content languages, Chinese first; `DEFAULT_LANG` is what the root page picks when a reader's language is neither. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh';

/** Where the theme toggle remembers a reader's choice, read again by the inline script before first paint. */
export const THEME_STORAGE_KEY = 'confnotes-theme';

/** Pagefind's bundle folder under the output folder, and the module the search page imports from it. */
export const SEARCH_BUNDLE_DIR = 'pagefind';
export const searchBundleUrl = (base: string): string => `${base.endsWith('/') ? base : `${base}/`}${SEARCH_BUNDLE_DIR}/pagefind.js`;

/**
 * Set by `npm run build` (scripts/build.ts) for `astro build`: the file where the index integration leaves its job
 * instead of indexing inside the build (src/integrations/pagefind.ts).
 */
export const INDEX_AFTER_BUILD_ENV = 'CONFNOTES_INDEX_AFTER_BUILD';

/** The Han-character test: any character of the Han script (CJK ideographs in every block, 〇, 々). */
export const HAN_SOURCE = String.raw`\p{Script=Han}`;
// Pure: a bundle that imports this file for another constant (the theme select's) leaves the regex out, so no page
// compiles it on load.
export const HAN = /* @__PURE__ */ new RegExp(HAN_SOURCE, 'u');
