// @ts-check
// Astro Starlight with its defaults, bilingual through its i18n, for `npm run bench` (bench/starlight/README.md).
// The bench writes the synthetic pages into src/content/docs (git-ignored) and builds here, into its own folders.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  outDir: process.env.BENCH_STARLIGHT_OUT ?? './dist',
  cacheDir: process.env.BENCH_STARLIGHT_CACHE ?? './cache',
  devToolbar: { enabled: false },
  integrations: [
    starlight({
      title: { 'zh-CN': '基准笔记', en: 'Bench notes' },
      defaultLocale: 'zh',
      locales: {
        zh: { label: '简体中文', lang: 'zh-CN' },
        en: { label: 'English', lang: 'en' },
      },
      // The one setting that is not Starlight's default: its default sidebar lists every page on every page, which
      // grows as pages² (4,000 links on each of 4,000 pages at 1,000 talks); a site of this size would list its
      // sections, as here.
      sidebar: [
        { label: 'Conferences', translations: { 'zh-CN': '大会' }, link: '/' },
        { label: 'Speakers', translations: { 'zh-CN': '讲者' }, link: '/speakers/' },
        { label: 'Tags', translations: { 'zh-CN': '标签' }, link: '/tags/' },
      ],
    }),
  ],
});
