/** Shell sessions: what a copy button takes from a ```console block (src/lib/console.ts) and how the build marks it up. */
import { describe, expect, it } from 'vitest';
import { commandsToCopy, parseSession, sessionCommands, sessionTree } from '../../src/lib/console.ts';

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
