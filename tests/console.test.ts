/** Shell sessions: what a copy button takes from a ```console block (src/lib/console.ts) and how the build marks it up. */
import { describe, expect, it } from 'vitest';
import { commandsToCopy, parseSession, sessionCommands, sessionTree } from '../src/lib/console.ts';
import { htmlPages, page } from './support/dist.ts';

describe('parseSession', () => {
  it('drops prompts and output lines', () => {
    const session = '$ vagrant ssh\nCoreOS stable (717.3.0)\ncore@core-01 ~ $\n';
    expect(parseSession(session)).toEqual([
      { kind: 'command', text: 'vagrant ssh' },
      { kind: 'output', text: 'CoreOS stable (717.3.0)' },
      { kind: 'output', text: 'core@core-01 ~ $' },
    ]);
    expect(sessionCommands(session)).toEqual(['vagrant ssh']);
  });

  it('keeps backslash continuations with their newlines and indentation', () => {
    const session = '$ curl -O \\\n    http://example.com/a.box \\\n    -o a.box\n  % Total\n$ ls';
    expect(sessionCommands(session)).toEqual(['curl -O \\\n    http://example.com/a.box \\\n    -o a.box', 'ls']);
    expect(commandsToCopy(session)).toBe('curl -O \\\n    http://example.com/a.box \\\n    -o a.box\nls');
  });

  it('an escaped backslash at the end does not continue, a quoted one does not either', () => {
    expect(sessionCommands("$ echo a\\\\\nout\n$ echo 'b\\'\nout")).toEqual(['echo a\\\\', "echo 'b\\'"]);
  });

  it('keeps a quote that spans lines and a here-document inside their command', () => {
    const session = '$ echo "one\ntwo"\none\ntwo\n$ cat <<EOF > config.rb\n$num_instances=3\nEOF\n$ cat <<-\'END\'\n\tx $y\n\tEND\n$ ls';
    expect(sessionCommands(session)).toEqual(['echo "one\ntwo"', 'cat <<EOF > config.rb\n$num_instances=3\nEOF', "cat <<-'END'\n\tx $y\n\tEND", 'ls']);
  });

  it('a # comment does not open quotes, a shift is no here-document, $$ or a bare $ is no command', () => {
    expect(sessionCommands("$ ls # don't\n$ echo $((1<<2))\nout\n$\n$$ x")).toEqual(['ls # don\'t', 'echo $((1<<2))']);
  });

  it('copies nothing from a session without commands', () => {
    expect(commandsToCopy('just output\n')).toBe('');
  });
});

describe('sessionTree', () => {
  it('gives each command a copy button described by its code, and output its own line', () => {
    const tree = sessionTree('$ vagrant up\nBringing machine…', { idPrefix: 'cmd-3', copyCommandLabel: 'Copy this command', hidden: true });
    expect(tree).toHaveLength(3);
    const [command, newline, output] = tree;
    expect(newline).toBe('\n');
    if (typeof command === 'string' || typeof output === 'string') throw new Error('expected elements');
    const [button, prompt, code] = command.children;
    if (typeof button === 'string' || typeof prompt === 'string' || typeof code === 'string') throw new Error('expected elements');
    expect(button.attrs).toMatchObject({ type: 'button', 'data-copy': 'command', 'aria-label': 'Copy this command', 'aria-describedby': 'cmd-3-1', hidden: true });
    expect(prompt.children).toEqual(['$ ']);
    expect(code).toEqual({ tag: 'code', attrs: { class: 'command', id: 'cmd-3-1' }, children: ['vagrant up'] });
    expect(output.attrs.class).toContain('session-output');
  });
});

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
    const loaders = $('script').filter((_, script) => /_astro\/copy-[\w-]+\.js/.test($(script).html() ?? '') || /copy/.test($(script).attr('src') ?? ''));
    expect(loaders.length).toBe($('figure.code-block').length > 0 ? 1 : 0);
  });
});
