/**
 * Puts the code colours stylesheet (src/lib/code-colors.ts) on every page: a virtual CSS module that Vite bundles
 * with the rest of the site's CSS, so it is served from 'self' (or inlined and hashed by Astro's CSP), in `dev` too.
 */
import type { AstroIntegration } from 'astro';
import { codeColorsCss, type CodeThemes } from '../lib/code-colors.ts';

const MODULE_ID = 'virtual:confnotes/code-colors.css';
// Vite's CSS pipeline recognises the module by its .css ending; the prefix keeps other plugins off it.
const RESOLVED_ID = `\0${MODULE_ID}`;

export function codeColors(themes: CodeThemes): AstroIntegration {
  return {
    name: 'confnotes:code-colors',
    hooks: {
      'astro:config:setup': ({ updateConfig, injectScript }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'confnotes:code-colors',
                resolveId: (source: string) => (source === MODULE_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? codeColorsCss(themes) : undefined),
              },
            ],
          },
        });
        injectScript('page-ssr', `import '${MODULE_ID}';`);
      },
    },
  };
}
