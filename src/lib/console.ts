/**
 * Shell sessions in Markdown (```console) show commands after a `$ ` prompt, followed by what they printed. A reader
 * copies commands, never prompts or output, so a session is split into its parts here, once, for the build and for
 * the browser alike.
 *
 * A command is a line starting with `$ `, plus the lines it continues onto: a trailing `\`, a quote left open, or a
 * here-document (`<<EOF` … `EOF`). Every other line is output.
 */

export type SessionPart = { kind: 'command'; text: string } | { kind: 'output'; text: string };

export const PROMPT = '$ ';

/** What a command line leaves open for the next line: an unfinished quote, a `\` at the end, here-documents. */
interface OpenState {
  quote: '' | "'" | '"';
  continued: boolean;
  heredocs: Array<{ word: string; stripTabs: boolean }>;
}

/** Scans one line of shell as bash reads it, carrying quote state in and out. */
function scanLine(line: string, quoteIn: OpenState['quote']): OpenState {
  let quote = quoteIn;
  let continued = false;
  const heredocs: OpenState['heredocs'] = [];
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote === "'") {
      if (char === "'") quote = '';
      continue;
    }
    if (char === '\\') {
      if (i === line.length - 1) continued = true;
      i++;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = '';
      continue;
    }
    if (char === "'" || char === '"') quote = char;
    else if (char === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
    else if (char === '<' && line[i + 1] === '<' && line[i + 2] !== '<') {
      const heredoc = /^<<(-?)\s*(?:'([^']+)'|"([^"]+)"|\\?([A-Za-z_][\w.-]*))/.exec(line.slice(i));
      if (heredoc) {
        heredocs.push({ word: heredoc[2] ?? heredoc[3] ?? heredoc[4], stripTabs: heredoc[1] === '-' });
        i += heredoc[0].length - 1;
      }
    }
  }
  return { quote, continued, heredocs };
}

/** Splits a session into commands (prompt dropped, continuation lines kept with their newlines) and output lines. */
export function parseSession(session: string): SessionPart[] {
  const lines = session.replace(/\n$/, '').split('\n');
  const parts: SessionPart[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!line.startsWith(PROMPT)) {
      parts.push({ kind: 'output', text: line });
      continue;
    }
    const commandLines = [line.slice(PROMPT.length)];
    let state = scanLine(commandLines[0], '');
    const pendingHeredocs = [...state.heredocs];
    while (index + 1 < lines.length && (state.quote || state.continued || pendingHeredocs.length > 0)) {
      const next = lines[++index];
      commandLines.push(next);
      if (!state.quote && !state.continued && pendingHeredocs.length > 0) {
        // Inside a here-document the lines are data until the closing word stands alone.
        const heredoc = pendingHeredocs[0];
        if ((heredoc.stripTabs ? next.replace(/^\t+/, '') : next) === heredoc.word) pendingHeredocs.shift();
        continue;
      }
      state = scanLine(next, state.quote);
      pendingHeredocs.push(...state.heredocs);
    }
    parts.push({ kind: 'command', text: commandLines.join('\n') });
  }
  return parts;
}

/** The commands of a session, in order, without prompts or output. */
export const sessionCommands = (session: string): string[] =>
  parseSession(session).flatMap((part) => (part.kind === 'command' && part.text.trim() !== '' ? [part.text] : []));

/** What the block's copy button puts on the clipboard: every command, one after another, no trailing newline. */
export const commandsToCopy = (session: string): string => sessionCommands(session).join('\n');

/** A small element tree, turned into hast at build time and into DOM nodes in the browser. */
export type TreeNode = string | { tag: string; attrs: Record<string, string | true>; children: TreeNode[] };

export interface SessionTreeOptions {
  /** Prefix of the ids that tie each command's copy button to its text, unique on the page. */
  idPrefix: string;
  /** Accessible name of each command's copy button; the command itself is its description. */
  copyCommandLabel: string;
  /** Copy buttons start hidden so that without JS the page offers nothing that does not work. */
  hidden: boolean;
}

/**
 * The contents of a session's <pre>: one span per line, commands with their own copy button, a prompt that text
 * selection skips, and the command text in <code>; output lines in <samp>.
 */
export function sessionTree(session: string, options: SessionTreeOptions): TreeNode[] {
  const nodes: TreeNode[] = [];
  let commandNumber = 0;
  parseSession(session).forEach((part, index) => {
    if (index > 0) nodes.push('\n');
    if (part.kind === 'output') {
      nodes.push({ tag: 'span', attrs: { class: 'session-line session-output' }, children: part.text ? [{ tag: 'samp', attrs: {}, children: [part.text] }] : [] });
      return;
    }
    const id = `${options.idPrefix}-${++commandNumber}`;
    const button: TreeNode = {
      tag: 'button',
      attrs: { type: 'button', class: 'copy-command', 'data-copy': 'command', 'aria-label': options.copyCommandLabel, 'aria-describedby': id, ...(options.hidden ? { hidden: true as const } : {}) },
      children: [],
    };
    nodes.push({
      tag: 'span',
      attrs: { class: 'session-line session-command' },
      children: [button, { tag: 'span', attrs: { class: 'prompt' }, children: [PROMPT] }, { tag: 'code', attrs: { class: 'command', id }, children: [part.text] }],
    });
  });
  return nodes;
}
