/**
 * The Content Security Policy of every built page, read from its <meta http-equiv>: hashes only, no 'unsafe-inline',
 * every inline script and <style> covered by a hash, no style attributes or inline event handlers left for it to
 * block. Generic over whatever inline code exists, so a new inline script without its hash fails here. The same
 * policy in a real browser is tests/csp-browser.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir, htmlPages, page, walkFiles } from './support/dist.ts';
import { hashAllowed, isExecutableScript, pagePolicy, parsePolicy, sourcesFor } from './support/csp.ts';
import { codeColorsCss, declarationClass, loadCodeThemes, parseStyle, shikiStyleToClass, themeColors } from '../src/lib/code-colors.ts';
import { cspHash, languageChoiceScript, THEME_SCRIPT } from '../src/lib/inline-scripts.ts';

const pages = htmlPages();

describe('the policy of every page', () => {
  it('the site has pages to check', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it.each(pages)('%s', (path) => {
    const $ = page(path);
    const { text, count } = pagePolicy($);
    expect(count, 'exactly one CSP <meta>').toBe(1);
    const policy = parsePolicy(text!);
    const scriptSources = sourcesFor(policy, 'script-elem');
    const styleSources = sourcesFor(policy, 'style-elem');
    expect(scriptSources, 'a script-src').toBeDefined();
    expect(styleSources, 'a style-src').toBeDefined();
    for (const sources of [scriptSources!, styleSources!, sourcesFor(policy, 'script-attr')!, sourcesFor(policy, 'style-attr')!]) {
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain('*');
    }
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);

    // A <meta> policy governs only what the parser meets after it. (Data blocks such as JSON-LD never run.)
    const order = $('meta[http-equiv], script, style, link[rel~="stylesheet"]')
      .toArray()
      .filter((el) => el.tagName !== 'script' || isExecutableScript($(el).attr('type')));
    const metaIndex = order.findIndex((el) => ($(el).attr('http-equiv') ?? '').toLowerCase() === 'content-security-policy');
    expect(metaIndex, 'the policy comes before every script and style').toBe(0);

    const problems: string[] = [];
    $('script').each((_, el) => {
      const $el = $(el);
      if (!isExecutableScript($el.attr('type'))) return;
      const src = $el.attr('src');
      if (src !== undefined) {
        // 'self' covers same-origin files; nothing is loaded from elsewhere.
        if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src)) problems.push(`external script ${src}`);
        return;
      }
      const code = $el.html() ?? '';
      if (!hashAllowed(scriptSources!, code)) problems.push(`inline script without a hash in the policy: ${JSON.stringify(code.slice(0, 80))}`);
    });
    $('style').each((_, el) => {
      const css = $(el).html() ?? '';
      if (!hashAllowed(styleSources!, css)) problems.push(`<style> without a hash in the policy: ${JSON.stringify(css.slice(0, 80))}`);
    });
    $('link[rel~="stylesheet"]').each((_, el) => {
      const href = $(el).attr('href') ?? '';
      if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(href)) problems.push(`external stylesheet ${href}`);
    });
    $('*').each((_, el) => {
      if (el.type !== 'tag') return;
      for (const [name, value] of Object.entries(el.attribs)) {
        if (name === 'style') problems.push(`<${el.tagName} style="${value}"> (blocked: no 'unsafe-inline' for styles)`);
        if (/^on/i.test(name)) problems.push(`<${el.tagName} ${name}> inline event handler`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && /^\s*javascript:/i.test(value)) problems.push(`<${el.tagName} ${name}="${value}">`);
      }
    });
    expect(problems).toEqual([]);
  });
});

describe('inline scripts', () => {
  it('hash the exact text the way CSP does', () => {
    expect(cspHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(cspHash('a', 'sha384')).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
  });

  it('the theme script is on every reading page, with its hash', () => {
    const hash = `'${cspHash(THEME_SCRIPT)}'`;
    const reading = pages.filter((path) => /^\/(?:zh|en)\//.test(path));
    expect(reading.length).toBeGreaterThan(10);
    for (const path of reading) {
      const $ = page(path);
      expect($('body > script').first().html(), path).toBe(THEME_SCRIPT);
      expect(parsePolicy(pagePolicy($).text!).get('script-src'), path).toContain(hash);
    }
  });

  it('the root language chooser keeps the base as a string literal', () => {
    expect(languageChoiceScript('/notes/')).toContain('location.replace("/notes/"+');
    expect(languageChoiceScript('/a"b/')).toContain('"/a\\"b/"');
    expect(page('/')('script').last().html()).toBe(languageChoiceScript('/'));
  });
});

describe('code colours without style attributes', async () => {
  const themes = await loadCodeThemes({ light: 'github-light', dark: 'github-dark' });
  const css = codeColorsCss(themes);

  it('one class per declaration, named after it', () => {
    expect(declarationClass('--shiki-light', '#24292E')).toBe('sk-light-24292e');
    expect(declarationClass('--shiki-dark-bg', '#24292e')).toBe('sk-dark-bg-24292e');
    expect(declarationClass('--shiki-dark-text-decoration', 'underline line-through')).toBe('sk-dark-text-decoration-underline-line-through');
    expect(declarationClass('user-select', 'none')).toBe('sk-user-select-none');
    expect(parseStyle('--shiki-light:#24292e;--shiki-dark:#e1e4e8; overflow-x: auto;')).toEqual([
      ['--shiki-light', '#24292e'],
      ['--shiki-dark', '#e1e4e8'],
      ['overflow-x', 'auto'],
    ]);
  });

  it('the stylesheet covers both themes and is the same every time', () => {
    const light = themeColors(themes.light);
    expect(light.foreground).toContain('#24292e');
    expect(light.background).toContain('#fff');
    expect(css).toContain('.sk-light-24292e{--shiki-light:#24292e}');
    expect(css).toContain('.sk-dark-e1e4e8{--shiki-dark:#e1e4e8}');
    expect(css).toContain('.sk-dark-bg-24292e{--shiki-dark-bg:#24292e}');
    expect(codeColorsCss(themes)).toBe(css);
  });

  it('the transformer moves styles into classes and refuses a style the stylesheet lacks', () => {
    const transformer = shikiStyleToClass(themes);
    const span = { type: 'element' as const, tagName: 'span', properties: { style: '--shiki-light:#D73A49;--shiki-dark:#F97583' } as Record<string, unknown>, children: [] };
    const root = { type: 'root' as const, children: [span] };
    const context = { addClassToHast: (node: { properties: Record<string, unknown> }, names: string[]) => ((node.properties.class = names), node) };
    transformer.root!.call(context as never, root as never);
    expect(span.properties).toEqual({ class: ['sk-light-d73a49', 'sk-dark-f97583'] });
    const odd = { type: 'root' as const, children: [{ ...span, properties: { style: 'color:#123456' } }] };
    expect(() => transformer.root!.call(context as never, odd as never)).toThrow(/does not cover/);
  });

  it('every sk- class in the built pages has a rule in the built CSS', () => {
    const builtCss = walkFiles(distDir)
      .filter((file) => file.endsWith('.css'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const defined = new Set([...builtCss.matchAll(/\.(sk-[a-z0-9-]+)\{/g)].map((match) => match[1]));
    const used = new Set<string>();
    for (const path of pages) {
      const $ = page(path);
      $('[class]').each((_, el) => {
        for (const name of ($(el).attr('class') ?? '').split(/\s+/)) if (name.startsWith('sk-')) used.add(name);
      });
      $('style').each((_, el) => {
        for (const match of ($(el).html() ?? '').matchAll(/\.(sk-[a-z0-9-]+)\{/g)) defined.add(match[1]);
      });
    }
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
  });

  it('highlighted code blocks carry their colours as classes', () => {
    const guides = pages.filter((path) => path.includes('/guides/'));
    const $ = page(guides[0]);
    const pre = $('pre.astro-code').first();
    expect(pre.attr('style')).toBeUndefined();
    expect(pre.attr('class')).toMatch(/\bsk-light-bg-[0-9a-f]+\b/);
    expect(pre.find('span[class*="sk-light-"]').length).toBeGreaterThan(0);
    expect(readFileSync(join(distDir, guides[0], 'index.html'), 'utf8')).not.toContain('--shiki-light:');
  });
});
