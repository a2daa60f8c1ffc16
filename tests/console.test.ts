/** Shell sessions as the build marks them up (src/lib/console.ts): copy buttons tied to their commands, loaded only where there is code. */
import { describe, expect, it } from 'vitest';
import { htmlPages, page } from './support/dist.ts';

describe('shell sessions in the built guide', () => {
  const guidePages = htmlPages().filter((path) => /^\/(zh|en)\/guides\/[^/]+\/$/.test(path));

  it.each(guidePages)('%s: every console block has one copy-all button and one button per command, tied by id', (path) => {
    const $ = page(path);
    const sessions = $('figure.shell-session');
    expect(sessions.length).toBeGreaterThan(5);
    sessions.each((_, figure) => {
      const commands = $(figure).find('pre code.command');
      expect($(figure).find('figcaption button[data-copy="commands"]')).toHaveLength(1);
      expect($(figure).find('button[data-copy="command"]')).toHaveLength(commands.length);
      expect(commands.length).toBeGreaterThan(0);
      commands.each((_, code) => {
        const id = $(code).attr('id')!;
        expect($(`[aria-describedby="${id}"]`)).toHaveLength(1);
        expect($(`[id="${id}"]`)).toHaveLength(1);
      });
      // The status region that announces "copied".
      expect($(figure).find('[aria-live="polite"][role="status"]')).toHaveLength(1);
      // The text a reader sees is the session itself: prompts, commands and output, nothing added.
      expect($(figure).find('pre').text()).toMatch(/^\$ /);
    });
  });

  it.each(guidePages)('%s: every code block has a copy button, hidden until JS shows it', (path) => {
    const $ = page(path);
    const blocks = $('.prose pre');
    expect(blocks.length).toBeGreaterThan(10);
    blocks.each((_, pre) => {
      const figure = $(pre).closest('figure.code-block');
      expect(figure).toHaveLength(1);
      const copy = figure.find('figcaption button.code-copy');
      expect(copy).toHaveLength(1);
      expect(copy.attr('hidden')).toBeDefined();
      expect(copy.attr('type')).toBe('button');
    });
  });
});

describe('the copy code loads only where there is code', () => {
  const readingPages = htmlPages().filter((path) => /^\/(zh|en)\//.test(path));

  it.each(readingPages)('%s: the loader is there exactly when the page has code blocks', (path) => {
    const $ = page(path);
    // "Copy page as Markdown" has a loader of its own (copy-page-standalone) on pages without code; it is not this one.
    const codeLoader = /_astro\/copy-(?!page-standalone)[\w-]+\.js/;
    const loaders = $('script').filter((_, script) => codeLoader.test($(script).html() ?? '') || codeLoader.test($(script).attr('src') ?? ''));
    expect(loaders.length).toBe($('figure.code-block').length > 0 ? 1 : 0);
  });
});
