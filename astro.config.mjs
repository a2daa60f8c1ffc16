// @ts-check
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { basePath, contentRoot, siteUrl } from './src/lib/config.ts';
import { remarkEmbedFiles } from './src/lib/embed.ts';
import { rehypeExternalLinks } from './src/lib/rehype-external-links.ts';
import { contentGuard } from './src/integrations/content-guard.ts';

const root = contentRoot();
const base = basePath();

export default defineConfig({
  site: siteUrl(),
  // The one setting for a deploy under a sub-path: CONFNOTES_BASE=/notes/ npm run build
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.CONFNOTES_OUT ?? './dist',
  // Separate caches let several builds (tests, benchmarks) run side by side without sharing a data store.
  cacheDir: process.env.CONFNOTES_CACHE ?? './node_modules/.astro',
  devToolbar: { enabled: false },
  markdown: {
    processor: unified({
      // GFM comes from remark-gfm itself rather than the processor's switch, so the plugin list says what runs.
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm, [remarkEmbedFiles, { contentRoot: resolve(root), base }]],
      rehypePlugins: [rehypeExternalLinks],
    }),
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
    },
  },
  integrations: [contentGuard({ root })],
});
