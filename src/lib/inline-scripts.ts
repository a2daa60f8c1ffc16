/**
 * The site's inline scripts, as exact strings, with the hash each one needs in the Content Security Policy.
 *
 * Astro's `security.csp` hashes the scripts it bundles, but not `is:inline` ones, so a template that renders one of
 * these also calls `Astro.csp?.insertScriptHash(cspHash(code))` in its frontmatter. That has to happen in a page or
 * layout frontmatter: by the time a component inside <body> runs, the policy in <head> is already written.
 * A meta policy only governs what the parser meets after it, and Astro writes it at the end of <head>; so these
 * scripts sit at the start of <body>, where they still run before the first paint.
 */
import { createHash } from 'node:crypto';
import { chunksForQuery } from './search-chunks.ts';
import { DEFAULT_LANG, THEME_STORAGE_KEY } from './site-constants.ts';

/**
 * Applies a remembered theme before first paint, so a reader who chose dark never sees a light flash. It also marks
 * the page `data-js`, so controls that only work with JavaScript (the theme choice, the guide's form) take their place
 * in the first frame instead of pushing the page when their module unhides them.
 */
export const THEME_SCRIPT =
  `document.documentElement.dataset.js='';try{var theme=localStorage.getItem('${THEME_STORAGE_KEY}');if(theme==='light'||theme==='dark')document.documentElement.dataset.theme=theme}catch(e){}`;

/**
 * The root page's choice of language: English for readers whose first preferred language is not Chinese, 简体中文
 * otherwise. `base` is written in as a JSON string literal, so any base path stays inert data.
 */
export const languageChoiceScript = (base: string): string =>
  `var first=(navigator.languages&&navigator.languages[0])||navigator.language||'${DEFAULT_LANG}';location.replace(${JSON.stringify(base)}+(/^zh\\b/i.test(first)?'zh/':'en/'));`;

/**
 * The search page's fetching ahead, in <head> before the stylesheet: a script after a stylesheet waits for it, and
 * for a shared result link (?q=...) that wait was a quarter of a second before any of the index was asked for. It
 * preloads the page's search code (data-module), Pagefind's module and the files every first query needs (the
 * script's data-preload, written in at build time by src/integrations/search-bundle.ts) under data-bundle: at once
 * when the address holds a search, else on the reader's first touch of the search form. For an address with a query
 * it also asks for the index chunks its words are in (data-chunks, by `chunksForQuery`, whose own text this script
 * carries) and, for Chinese, the fold table (data-fold). The page's own loader then runs the search code.
 */
export const SEARCH_AHEAD_SCRIPT =
  `(function(s){${chunksForQuery.toString()}var done=0;function l(r,h){var e=document.createElement('link');e.rel=r;e.href=h;if(r==='preload'){e.as='fetch';e.crossOrigin='anonymous'}document.head.appendChild(e)}function go(){if(done)return;done=1;var b=s.getAttribute('data-bundle');l('modulepreload',s.getAttribute('data-module'));l('modulepreload',b+'pagefind.js');(s.getAttribute('data-preload')||'').split(' ').forEach(function(f){if(f)l('preload',b+f)});var q=new URLSearchParams(location.search).get('q');if(!q)return;chunksForQuery(q,JSON.parse(s.getAttribute('data-chunks')||'[]')).forEach(function(h){l('preload',b+'index/'+h+'.pf_index')});if(/\\p{Script=Han}/u.test(q))l('preload',s.getAttribute('data-fold'))}if(location.search.length>1)go();else['focusin','pointerdown','input','change','submit'].forEach(function(t){document.addEventListener(t,function(e){if(e.target&&e.target.closest&&e.target.closest('search-page'))go()},true)})})(document.currentScript)`;

export type CspAlgorithm = 'sha256' | 'sha384' | 'sha512';

/** The CSP source for an inline script or style: "sha256-<base64 digest of the exact UTF-8 text>". */
export const cspHash = (code: string, algorithm: CspAlgorithm = 'sha256'): `${CspAlgorithm}-${string}` =>
  `${algorithm}-${createHash(algorithm).update(code, 'utf8').digest('base64')}`;
