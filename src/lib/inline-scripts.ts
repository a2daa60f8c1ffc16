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

export type CspAlgorithm = 'sha256' | 'sha384' | 'sha512';

/** The CSP source for an inline script or style: "sha256-<base64 digest of the exact UTF-8 text>". */
export const cspHash = (code: string, algorithm: CspAlgorithm = 'sha256'): `${CspAlgorithm}-${string}` =>
  `${algorithm}-${createHash(algorithm).update(code, 'utf8').digest('base64')}`;
