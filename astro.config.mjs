// @ts-check
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import { rehypeHeadingIds, rehypeShiki, unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { basePath, cacheDir, contentRoot, siteUrl } from './src/lib/config.ts';
import { remarkEmbedFiles } from './src/lib/embed.ts';
import { rehypeExternalLinks } from './src/lib/rehype-external-links.ts';
import { rehypeSafeHtml } from './src/lib/safe-html.ts';
import { rehypeAsides, rehypeHeadingAnchors } from './src/lib/rehype-reading.ts';
import { contentGuard } from './src/integrations/content-guard.ts';
import { codeColors } from './src/integrations/code-colors.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { languageNotFoundPages } from './src/integrations/language-404.ts';
import { devStaticHost } from './src/integrations/dev-static-host.ts';
import { shareCards } from './src/integrations/share-cards.ts';
import { loadCodeThemes, shikiStyleToClass } from './src/lib/code-colors.ts';

const root = contentRoot();
const base = basePath();
// The highlighter and the code colours stylesheet read the same theme objects (see src/lib/code-colors.ts).
// GitHub's "default" pair: every token colour has at least 4.5:1 contrast on its background (WCAG AA). The older
// github-light/github-dark do not: comments #6a737d on #24292e are 3.05:1, the orange #e36209 on white 3.49:1.
const codeThemes = await loadCodeThemes({ light: 'github-light-default', dark: 'github-dark-default' });
/** @type {import('@astrojs/markdown-remark').ShikiConfig} */
const shikiConfig = {
  themes: codeThemes,
  // Colours as classes, not style attributes, so the CSP needs no 'unsafe-inline' for styles.
  transformers: [shikiStyleToClass(codeThemes)],
  defaultColor: false,
};

export default defineConfig({
  site: siteUrl(),
  // The one setting for a deploy under a sub-path: CONFNOTES_BASE=/notes/ npm run build
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.CONFNOTES_OUT ?? './dist',
  // Separate caches let several builds (tests, benchmarks) run side by side without sharing a data store.
  cacheDir: cacheDir(),
  devToolbar: { enabled: false },
  experimental: {
    // A build reuses the previous build's output for every page whose route code and `cacheKey` are unchanged
    // (src/lib/page-keys.ts says what a key covers); its copies live in the cache folder, next to the data store.
    incrementalBuild: true,
  },
  security: {
    // A <meta http-equiv> policy on every page: scripts and styles from 'self' or by hash, nothing inline unhashed.
    // 'self' is listed explicitly so that a page adding a source (e.g. 'wasm-unsafe-eval' for search) extends it.
    csp: {
      algorithm: 'SHA-256',
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  markdown: {
    // Shiki runs as the first of our rehype plugins (Astro's own rehypeShiki, where Astro would put it) rather than
    // through this switch: with the switch on, Astro warns on every build that Shiki's inline styles break the CSP,
    // and shikiStyleToClass leaves no inline style to break it (tests/csp*.test.ts check every page).
    syntaxHighlight: false,
    processor: unified({
      // GFM comes from remark-gfm itself rather than the processor's switch, so the plugin list says what runs.
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm, [remarkEmbedFiles, { contentRoot: resolve(root), base }]],
      // Raw HTML is held to an allow-list first, so links written as raw <a> get their rel too.
      // Notes become asides; headings get their ids (Astro's own step, which would otherwise run after ours), then a
      // visible self-link each.
      rehypePlugins: [[rehypeShiki, shikiConfig], rehypeSafeHtml, rehypeExternalLinks, rehypeAsides, rehypeHeadingIds, rehypeHeadingAnchors],
    }),
    // Read by anything else that highlights with Astro's settings (the <Code> component, `npm run bench`).
    shikiConfig,
  },
  integrations: [contentGuard({ root }), codeColors(codeThemes), languageNotFoundPages(), pagefindIndex(), shareCards(), devStaticHost()],
  vite: {
    // Code loaded on demand (copy buttons, the guide's form) is built as standalone ES modules through `?worker&url`
    // and fetched with a plain import(), so the page's small loader carries no module-preload helper.
    worker: { format: 'es' },
  },
});
