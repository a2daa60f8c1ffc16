/**
 * Copies a code block, loaded on the first click of a copy button. What is copied:
 * - a file: its exact text, trailing newline included;
 * - a shell session: only its commands, one per line (prompts and output left out);
 * - one command: that command, continuation lines and all;
 * - any other block: its text.
 * The block's live region then says whether it worked.
 */
const texts = (elements: Iterable<Element>) => [...elements].map((element) => element.textContent ?? '');

export function copyText(button: HTMLElement): string {
  const figure = button.closest('figure');
  if (!figure) return '';
  switch (button.dataset.copy) {
    case 'command':
      return button.parentElement?.querySelector('.command')?.textContent ?? '';
    case 'commands':
      return texts(figure.querySelectorAll('pre .command')).join('\n');
    default: {
      const code = figure.querySelector('pre code') ?? figure.querySelector('pre');
      return (code?.textContent ?? '') + (figure.dataset.trailingNewline === 'true' ? '\n' : '');
    }
  }
}

/**
 * `document.execCommand('copy')`: deprecated, but the only copy there is outside a secure context (a site previewed
 * over plain http). Typed here as a plain method so the type checker's deprecation hint is not repeated on every check.
 */
const selectionCopy = (doc: { execCommand(command: 'copy'): boolean }): boolean => doc.execCommand('copy');

/** The clipboard API needs a secure context; a page served over plain http falls back to a selection copy. */
async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = selectionCopy(document);
    } catch {}
    area.remove();
    return copied;
  }
}

const clearTimers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

export async function copy(button: HTMLElement): Promise<void> {
  const ok = await writeClipboard(copyText(button));
  const status = button.closest('figure')?.querySelector<HTMLElement>('.code-copy-status');
  if (!status) return;
  // Emptying first makes a second copy of the same block announce again.
  status.textContent = '';
  clearTimeout(clearTimers.get(status));
  requestAnimationFrame(() => {
    status.textContent = (ok ? status.dataset.done : status.dataset.failed) ?? '';
    clearTimers.set(status, setTimeout(() => (status.textContent = ''), 4000));
  });
}

// The loader (copy-loader.ts) imports this module on a click, then fires `enhance` at the button with that click.
document.addEventListener('enhance', (event) => {
  const button = event.target as HTMLElement;
  if (button.matches('[data-copy]') && (event as CustomEvent<Event>).detail.type === 'click') void copy(button);
});
