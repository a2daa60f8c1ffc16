/**
 * The coreos-vagrant guide in Debian's Chromium, with the site's own CSP in force: copy buttons put exactly the
 * commands (or the exact file) on the clipboard and say so in a live region; downloads are byte-identical and keep
 * the real file name; every form field rewrites every snippet that uses it, and bad values show an inline error
 * without touching the files; with JS off every command and file is on the page and selectable.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { commandsToCopy, sessionCommands } from '../../src/lib/console.ts';
import { renderAll, type FormInput, type TemplateId } from '../../src/lib/guide-config.ts';
import { useBrowserAndSite } from '../support/browser.ts';
import { notesBuild } from '../support/notes-build.ts';
import { serve, type StaticServer } from '../support/server.ts';
import { NOTES, guideDir, guideOriginals, markdownTemplates } from '../support/guide.ts';

const GUIDE = 'en/guides/coreos-vagrant/';
const session = useBrowserAndSite();

/** A page with clipboard access; script errors and CSP violations fail the test that caused them. */
async function open(path = GUIDE, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await session.browser.newContext({ acceptDownloads: true, ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.site.url).origin });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(session.site.url + path);
  return { context, page, problems, requested };
}

async function withPage(run: (opened: Awaited<ReturnType<typeof open>>) => Promise<void>, path?: string, options?: { javaScriptEnabled?: boolean }) {
  const opened = await open(path, options);
  try {
    await run(opened);
    expect(opened.problems).toEqual([]);
  } finally {
    await opened.context.close();
  }
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const figure = (page: Page, template: string) => page.locator(`figure[data-template="${template}"]`);

/** The text a block shows: a file's text with its trailing newline, a session's text with a final newline. */
async function shown(block: Locator): Promise<string> {
  return block.evaluate((element: HTMLElement) =>
    element.classList.contains('shell-session')
      ? `${element.querySelector('pre')!.textContent}\n`
      : `${element.querySelector('pre code')!.textContent}${element.dataset.trailingNewline === 'true' ? '\n' : ''}`,
  );
}

async function copyAndRead(page: Page, button: Locator, viaKeyboard = false): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
  const status = button.locator('xpath=ancestor::figure[1]').locator('.code-copy-status');
  // The live region may still say "Copied" from the last copy; it is emptied and filled again for this one.
  await status.evaluate((element) => (element.textContent = ''));
  if (viaKeyboard) {
    await button.focus();
    await page.keyboard.press('Enter');
  } else await button.click();
  await expect.poll(() => status.textContent()).toBe('Copied');
  return clipboard(page);
}

describe('copy', () => {
  it('loads no copy code until the first click, then copies exactly the commands of a session', async () => {
    await withPage(async ({ page, requested }) => {
      const session = figure(page, 'download');
      const before = requested.filter((path) => /\/_astro\/copy-/.test(path));
      expect(before).toEqual([]);
      const expected = commandsToCopy(markdownTemplates('en').download);
      expect(expected.split('\n')).toHaveLength(2);
      expect(await copyAndRead(page, session.locator('figcaption button[data-copy="commands"]'))).toBe(expected);
      expect(requested.filter((path) => /\/_astro\/copy-/.test(path))).toHaveLength(1);
      const status = session.locator('.code-copy-status');
      expect(await status.getAttribute('aria-live')).toBe('polite');
    });
  });

  it('every command has its own button; output lines and prompts never reach the clipboard', async () => {
    await withPage(async ({ page }) => {
      const sessions = page.locator('figure.shell-session');
      const count = await sessions.count();
      expect(count).toBeGreaterThan(5);
      for (let index = 0; index < count; index++) {
        const session = sessions.nth(index);
        const text = await shown(session);
        const commands = sessionCommands(text);
        const buttons = session.locator('pre button[data-copy="command"]');
        expect(await buttons.count()).toBe(commands.length);
        for (let n = 0; n < commands.length; n++) expect(await copyAndRead(page, buttons.nth(n))).toBe(commands[n]);
        expect(await copyAndRead(page, session.locator('figcaption button[data-copy="commands"]'))).toBe(commands.join('\n'));
      }
    });
  });

  it('copy buttons are reachable by keyboard and work with Enter and Space', async () => {
    await withPage(async ({ page }) => {
      const button = figure(page, 'discovery').locator('pre button[data-copy="command"]').first();
      expect(await button.evaluate((element: HTMLElement) => element.tabIndex)).toBe(0);
      expect(await copyAndRead(page, button, true)).toBe('curl https://discovery.etcd.io/new');
      // Tab from the block's copy-all button reaches the scrollable block, then the first command's button.
      await figure(page, 'download').locator('figcaption button').focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('PRE');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-copy'))).toBe('command');
      await page.keyboard.press(' ');
      await expect.poll(() => clipboard(page)).toBe(sessionCommands(markdownTemplates('en').download)[0]);
    });
  });

  it('a config file copies exactly, trailing newline included', async () => {
    await withPage(async ({ page }) => {
      const files = page.locator('figure.code-file');
      expect(await files.count()).toBe(7);
      for (let index = 0; index < 7; index++) {
        const file = files.nth(index);
        const href = await file.locator('a.code-download').getAttribute('href');
        const bytes = readFileSync(join(guideDir, '..', '..', href!.replace(/^\/files\//, '')), 'utf8');
        expect(bytes.endsWith('\n')).toBe(true);
        expect(await copyAndRead(page, file.locator('button[data-copy="file"]'))).toBe(bytes);
      }
    });
  });
});

describe('download', () => {
  it('every file downloads under its real name, byte-identical to the source', async () => {
    await withPage(async ({ page }) => {
      const links = page.locator('a.code-download');
      const names: string[] = [];
      for (let index = 0; index < (await links.count()); index++) {
        const link = links.nth(index);
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        const href = (await link.getAttribute('href'))!;
        const source = readFileSync(join(guideDir, '..', '..', href.replace(/^\/files\//, '')));
        names.push(download.suggestedFilename());
        expect(download.suggestedFilename()).toBe(href.split('/').pop());
        expect(Buffer.compare(readFileSync((await download.path())!), source)).toBe(0);
      }
      expect(names.sort()).toEqual(['Vagrantfile.diff', 'Vagrantfile.patch', 'config.rb', 'coreos_production_vagrant.json', 'fileserver.go', 'user-data', 'user-data'].sort());
    });
  });
});

describe('adapt form', () => {
  /** Types into a field the way a reader does, then checks every marked block against the renderer. */
  async function change(page: Page, input: FormInput, field: keyof FormInput, value: string) {
    // The form is folded away until the reader opens it.
    const form = page.locator('[data-guide-config]');
    if ((await form.getAttribute('open')) === null) await form.locator('summary').click();
    const control = page.locator(`[data-guide-config] [name="${field}"]`);
    if ((await control.first().getAttribute('type')) === 'radio') await page.locator(`[data-guide-config] [name="${field}"][value="${value}"]`).check();
    else if ((await control.evaluate((element) => element.tagName)) === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
    input[field] = value;
  }

  async function expectBlocksMatch(page: Page, input: FormInput, previous: Map<string, string>) {
    const { rendered, blocked } = renderAll(input, guideOriginals());
    const blocks = page.locator('figure[data-template]');
    for (let index = 0; index < (await blocks.count()); index++) {
      const block = blocks.nth(index);
      const id = (await block.getAttribute('data-template')) as TemplateId;
      // The form's code arrives with the first change, so the page catches up asynchronously.
      if (blocked.includes(id)) {
        await expect.poll(() => block.getAttribute('data-stale'), { message: `${id} is marked stale` }).toBe('');
        expect(await shown(block), `${id} keeps its last good text`).toBe(previous.get(id));
      } else {
        await expect.poll(() => shown(block), { message: id }).toBe(rendered[id]!.text);
        expect(await block.getAttribute('data-stale')).toBeNull();
        previous.set(id, rendered[id]!.text);
      }
    }
  }

  it('is hidden until JS shows it and starts with the notes\' values', async () => {
    await withPage(async ({ page }) => {
      const form = page.locator('[data-guide-config]');
      await expect.poll(() => form.isVisible()).toBe(true);
      expect(await form.getAttribute('open')).toBeNull();
      await form.locator('summary').click();
      for (const [field, value] of Object.entries(NOTES)) {
        const control = page.locator(`[data-guide-config] [name="${field}"]`);
        if ((await control.first().getAttribute('type')) === 'radio') expect(await page.locator(`[name="${field}"]:checked`).getAttribute('value')).toBe(value);
        else expect(await control.inputValue()).toBe(value);
      }
    });
  });

  it('every field rewrites every snippet that uses it; bad values show an inline error and change no file', async () => {
    await withPage(async ({ page, requested }) => {
      const input = { ...NOTES };
      const previous = new Map<string, string>();
      await expectBlocksMatch(page, input, previous);
      expect(requested.some((path) => /\/_astro\/guide-config-/.test(path))).toBe(false);
      const steps: Array<[keyof FormInput, string]> = [
        ['instances', '5'],
        ['token', '0123456789abcdef0123456789abcdef'],
        ['mirror', 'http://127.0.0.1:9000/boxes/'],
        ['naming', 'private-ip'],
        ['instances', '0'],
        ['instances', '1'],
        ['naming', 'fixed'],
        ['memberName', 'solo'],
        ['channel', 'beta'],
        ['version', '4152.1'],
        ['version', '4152.1.0'],
        ['flavor', 'flatcar'],
        ['checksum', 'ab'.repeat(32)],
        ['mirror', 'ftp://nope'],
        ['mirror', '/srv/flatcar'],
        ['instances', '3'],
        ['token', 'not-a-token'],
      ];
      for (const [field, value] of steps) {
        await change(page, input, field, value);
        await expectBlocksMatch(page, input, previous);
        const { errors } = renderAll(input, guideOriginals());
        const error = page.locator(`#gc-${field}-error`);
        if (errors[field]) {
          await expect.poll(() => error.isVisible(), { message: `${field}=${value}` }).toBe(true);
          expect((await error.textContent())!.length).toBeGreaterThan(5);
          expect(await page.locator(`[name="${field}"]`).first().getAttribute('aria-invalid')).toBe('true');
          expect((await page.locator(`[name="${field}"]`).first().getAttribute('aria-describedby'))!.split(' ')).toContain(`gc-${field}-error`);
        } else expect(await error.isVisible(), `${field}=${value}`).toBe(false);
      }
      // The naming clash (fixed name, three machines) is reported on the naming field.
      await change(page, input, 'naming', 'fixed');
      await expect.poll(() => page.locator('#gc-naming-error').isVisible()).toBe(true);
      expect(await page.locator('#gc-naming-error').textContent()).toContain('different name');
    });
  });

  it('copy and download give the rewritten file under its new name; reset brings back the notes and the original highlighting', async () => {
    await withPage(async ({ page }) => {
      const json = figure(page, 'box-metadata');
      const highlighted = await json.locator('pre code').innerHTML();
      const input = { ...NOTES };
      await change(page, input, 'flavor', 'flatcar');
      await change(page, input, 'checksum', 'cd'.repeat(32));
      await change(page, input, 'mirror', 'http://localhost:8181/');
      const expected = renderAll(input, guideOriginals()).rendered['box-metadata']!;
      await expect.poll(() => shown(json)).toBe(expected.text);
      expect(await json.locator('.code-file-name').textContent()).toBe('flatcar_production_vagrant.json');
      expect(await copyAndRead(page, json.locator('button[data-copy="file"]'))).toBe(expected.text);
      const [download] = await Promise.all([page.waitForEvent('download'), json.locator('a.code-download').click()]);
      expect(download.suggestedFilename()).toBe('flatcar_production_vagrant.json');
      expect(readFileSync((await download.path())!, 'utf8')).toBe(expected.text);
      const serve = figure(page, 'serve-python3');
      expect(await copyAndRead(page, serve.locator('pre button[data-copy="command"]'))).toBe('python3 -m http.server 8181 --bind 127.0.0.1');

      await page.locator('[data-guide-config] [data-reset]').click();
      expect(await page.locator('[data-guide-config] [name="flavor"]:checked').getAttribute('value')).toBe('coreos-2015');
      await expect.poll(() => json.locator('pre code').innerHTML()).toBe(highlighted);
      expect(await json.locator('.code-file-name').textContent()).toBe('coreos_production_vagrant.json');
      const [original] = await Promise.all([page.waitForEvent('download'), json.locator('a.code-download').click()]);
      expect(original.suggestedFilename()).toBe('coreos_production_vagrant.json');
      expect(readFileSync((await original.path())!, 'utf8')).toBe(guideOriginals()['box-metadata']);
      for (const [id, text] of Object.entries(markdownTemplates('en'))) expect(await shown(figure(page, id)), id).toBe(text);
    });
  });
});

describe('without JavaScript', () => {
  it.each(['en', 'zh'])('/%s/: every command and file is shown and selectable; no button or form that cannot work', async (lang) => {
    await withPage(
      async ({ page }) => {
        const blocks = page.locator('.prose figure.code-block');
        expect(await blocks.count()).toBeGreaterThan(15);
        expect(await page.locator('main button:visible').count()).toBe(0);
        expect(await page.locator('[data-guide-config]').isVisible()).toBe(false);
        for (const [id, text] of Object.entries(markdownTemplates(lang))) {
          const block = figure(page, id);
          expect(await block.locator('pre').isVisible()).toBe(true);
          expect(await shown(block), id).toBe(text);
        }
        // Commands can be selected (only the prompt is skipped), files too; download links work without JS.
        const selectable = await page.$$eval('.prose pre code', (codes) => codes.every((code) => getComputedStyle(code).userSelect !== 'none'));
        expect(selectable).toBe(true);
        expect(await page.locator('.session .prompt').first().evaluate((prompt) => getComputedStyle(prompt).userSelect)).toBe('none');
        expect(await page.locator('a.code-download:visible').count()).toBe(7);
        // Selecting a whole session and copying it gives the commands and the output, minus the prompts.
        const selected = await figure(page, 'download').locator('pre').evaluate((pre) => {
          const range = document.createRange();
          range.selectNodeContents(pre);
          const selection = getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          return selection.toString();
        });
        expect(selected).toBe(commandsToCopy(markdownTemplates(lang).download));
      },
      `${lang}/guides/coreos-vagrant/`,
      { javaScriptEnabled: false },
    );
  });
});

describe('under a sub-path (CONFNOTES_BASE=/notes/)', () => {
  let notes: StaticServer;
  beforeAll(async () => {
    notes = await serve(await notesBuild(), '/notes/');
  });
  afterAll(async () => {
    await notes?.close();
  });

  it('copy, download and the form work with the base in every URL', async () => {
    const context = await session.browser.newContext({ acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(notes.url).origin });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      await page.goto(`${notes.url}en/guides/coreos-vagrant/`);
      const session = figure(page, 'download');
      expect(await copyAndRead(page, session.locator('figcaption button'))).toBe(commandsToCopy(markdownTemplates('en').download));
      const rb = figure(page, 'config-rb');
      expect(await rb.locator('a.code-download').getAttribute('href')).toBe('/notes/files/guides/coreos-vagrant/files/config.rb');
      const [download] = await Promise.all([page.waitForEvent('download'), rb.locator('a.code-download').click()]);
      expect(readFileSync((await download.path())!, 'utf8')).toBe(guideOriginals()['config-rb']);
      await page.locator('[data-guide-config] summary').click();
      await page.locator('[data-guide-config] [name="instances"]').fill('7');
      await expect.poll(() => shown(rb)).toBe('# Size of the CoreOS cluster created by Vagrant\n$num_instances=7\n');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('accessibility of the tools', () => {
  it.each(['light', 'dark'] as const)('axe finds nothing in the %s theme with the form open, errors showing and a snippet rewritten', async (colorScheme) => {
    // axe is injected as a script, which the page's CSP would block; this context bypasses it (CSP has its own tests).
    const context = await session.browser.newContext({ bypassCSP: true, colorScheme });
    try {
      const page = await context.newPage();
      await page.goto(session.site.url + GUIDE);
      await page.locator('[data-guide-config] summary').click();
      await page.locator('[data-guide-config] [name="instances"]').fill('0');
      await page.locator('[data-guide-config] [name="flavor"][value="flatcar"]').check();
      await page.locator('[data-guide-config] [name="mirror"]').fill('http://localhost:9000/');
      await expect.poll(() => page.locator('#gc-instances-error').isVisible()).toBe(true);
      await expect.poll(() => shown(figure(page, 'serve-python2'))).toBe('$ python -m SimpleHTTPServer 9000\n');
      await figure(page, 'download').locator('figcaption button').click();
      await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
        const results = await axe.run(document);
        return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
      });
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
