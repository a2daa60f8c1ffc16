/**
 * Each language's 404 as a file, `zh/404.html` and `en/404.html`, where hosts look for it (README, "Deploying").
 * With `build.format: 'directory'` Astro writes the page src/pages/[lang]/404.html.astro as `zh/404.html/index.html`;
 * after the build this moves it one level up. Only the root 404 gets that treatment from Astro itself.
 */
import { existsSync, renameSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { LANGS } from '../lib/schema.ts';

export function languageNotFoundPages(): AstroIntegration {
  return {
    name: 'confnotes:language-404',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        for (const lang of LANGS) {
          const folder = join(out, lang, '404.html');
          const page = join(folder, 'index.html');
          if (!existsSync(page)) continue;
          const moved = join(out, lang, '404.tmp.html');
          renameSync(page, moved);
          rmdirSync(folder);
          renameSync(moved, folder);
        }
      },
    },
  };
}
