/**
 * The guide's "adapt" form, loaded when the reader first touches it (see copy-loader.ts). Every change re-renders the marked code blocks
 * (figure[data-template]) with src/lib/guide-config.ts; copy and download then give the rewritten text. A block whose
 * fields have an error keeps its last good version, and the error shows next to the field.
 */
import { sessionTree, type TreeNode } from '../lib/console.ts';
import { FIELDS, NOTES_INPUT, TEMPLATES, isTemplateId, renderAll, type Field, type FormInput, type Rendered, type TemplateId } from '../lib/guide-config.ts';

interface Block {
  figure: HTMLElement;
  id: TemplateId;
  kind: 'file' | 'session';
  /** The text and markup the page was built with: the notes' values, highlighted. */
  original: { text: string; html: string; name?: string; href?: string };
  current: { text: string; name?: string };
  blobUrl?: string;
}

function toDom(node: TreeNode): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const element = document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) element.setAttribute(name, value === true ? '' : value);
  element.append(...node.children.map(toDom));
  return element;
}

function readBlock(figure: HTMLElement, id: TemplateId): Block {
  const kind = TEMPLATES[id].kind;
  if (kind === 'file') {
    const code = figure.querySelector('pre code')!;
    const text = (code.textContent ?? '') + (figure.dataset.trailingNewline === 'true' ? '\n' : '');
    const name = figure.dataset.file;
    const href = figure.querySelector('a.code-download')?.getAttribute('href') ?? undefined;
    return { figure, id, kind, original: { text, html: code.innerHTML, name, href }, current: { text, name } };
  }
  const pre = figure.querySelector('pre')!;
  // A session's text is its <pre> text: prompts, commands and output, with the block's last newline dropped.
  const text = `${pre.textContent ?? ''}\n`;
  return { figure, id, kind, original: { text, html: pre.innerHTML }, current: { text } };
}

function showFile(block: Block, rendered: Rendered) {
  const { figure, original } = block;
  const name = rendered.fileName ?? original.name;
  const code = figure.querySelector('pre code')!;
  if (rendered.text === original.text) code.innerHTML = original.html;
  else {
    const lines = rendered.text.replace(/\n$/, '').split('\n');
    code.replaceChildren(...lines.flatMap((line, index) => [...(index ? ['\n'] : []), Object.assign(document.createElement('span'), { className: 'line', textContent: line })]));
  }
  figure.dataset.trailingNewline = rendered.text.endsWith('\n') ? 'true' : 'false';
  if (name && name !== block.current.name) {
    const previous = block.current.name ?? '';
    figure.dataset.file = name;
    figure.querySelector('.code-file-name')!.textContent = name;
    for (const labelled of figure.querySelectorAll('figcaption [aria-label]')) labelled.setAttribute('aria-label', labelled.getAttribute('aria-label')!.replace(previous, name));
  }
  const link = figure.querySelector<HTMLAnchorElement>('a.code-download');
  if (link) {
    if (block.blobUrl) URL.revokeObjectURL(block.blobUrl);
    block.blobUrl = undefined;
    // The download is what the block shows: the original file while nothing changed, else the rewritten text.
    if (rendered.text === original.text && name === original.name) link.setAttribute('href', original.href!);
    else link.href = block.blobUrl = URL.createObjectURL(new Blob([rendered.text], { type: 'application/octet-stream' }));
    if (name) link.download = name;
  }
  block.current = { text: rendered.text, name };
}

function showSession(block: Block, rendered: Rendered) {
  const pre = block.figure.querySelector('pre')!;
  if (rendered.text === block.original.text) pre.innerHTML = block.original.html;
  else {
    const { idPrefix = 'cmd', copyCommandLabel = '' } = block.figure.dataset;
    pre.replaceChildren(...sessionTree(rendered.text, { idPrefix, copyCommandLabel, hidden: false }).map(toDom));
  }
  block.current = { text: rendered.text };
}

let attached = false;

export function attach(form: HTMLElement, firstEvent?: Event): void {
  if (attached) return;
  attached = true;
  const blocks = [...document.querySelectorAll<HTMLElement>('figure[data-template]')].flatMap((figure) =>
    isTemplateId(figure.dataset.template) ? [readBlock(figure, figure.dataset.template)] : [],
  );
  const originals: Partial<Record<TemplateId, string>> = {};
  for (const block of blocks) if (block.kind === 'file') originals[block.id] = block.original.text;

  const controls = (field: Field) => [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[name="${field}"]`)];
  const read = (): FormInput =>
    Object.fromEntries(
      FIELDS.map((field) => {
        const elements = controls(field);
        const chosen = elements.find((element) => element instanceof HTMLInputElement && element.type === 'radio' && element.checked);
        return [field, (chosen ?? elements.find((element) => !(element instanceof HTMLInputElement && element.type === 'radio')))?.value ?? ''];
      }),
    ) as FormInput;

  // Error messages in the page's language, one per error code (GuideConfigurator.astro).
  const messages = JSON.parse(form.dataset.messages ?? '{}') as Record<string, string>;
  const update = () => {
    const input = read();
    const result = renderAll(input, originals);
    for (const field of FIELDS) {
      const code = result.errors[field];
      const message = form.querySelector<HTMLElement>(`[data-error-for="${field}"]`);
      for (const element of controls(field)) {
        if (code) element.setAttribute('aria-invalid', 'true');
        else element.removeAttribute('aria-invalid');
      }
      if (message) {
        message.textContent = code ? (messages[code] ?? code) : '';
        message.hidden = !code;
      }
    }
    for (const element of controls('memberName')) element.disabled = input.naming !== 'fixed';
    for (const note of form.querySelectorAll<HTMLElement>('[data-when-flavor]')) note.hidden = note.dataset.whenFlavor !== input.flavor;
    let blocked = 0;
    for (const block of blocks) {
      const rendered = result.rendered[block.id];
      block.figure.toggleAttribute('data-stale', !rendered);
      // Said in words on the block itself, not only by the colour of its bar.
      const staleNote = block.figure.querySelector('.code-stale-note');
      if (!rendered && !staleNote) {
        const note = Object.assign(document.createElement('p'), { className: 'code-stale-note', textContent: form.dataset.staleMessage ?? '' });
        block.figure.querySelector('figcaption')?.after(note);
      } else if (rendered) staleNote?.remove();
      if (!rendered) {
        blocked++;
        continue;
      }
      if (rendered.text !== block.current.text || (rendered.fileName !== undefined && rendered.fileName !== block.current.name)) {
        (block.kind === 'file' ? showFile : showSession)(block, rendered);
      }
      block.figure.toggleAttribute('data-adapted', block.current.text !== block.original.text);
    }
    const status = form.querySelector<HTMLElement>('[data-blocked-status]');
    // The one-block message is the dictionary's singular form, already filled in at build time.
    if (status) status.textContent = blocked ? ((blocked === 1 && status.dataset.messageOne) || (status.dataset.message ?? '').replace('{n}', String(blocked))) : '';
  };

  const reset = () => {
    for (const field of FIELDS) {
      for (const element of controls(field)) {
        if (element instanceof HTMLInputElement && element.type === 'radio') element.checked = element.value === NOTES_INPUT[field];
        else element.value = NOTES_INPUT[field];
      }
    }
    update();
  };

  form.addEventListener('input', update);
  form.addEventListener('click', (event) => {
    if ((event.target as Element).closest?.('[data-reset]')) reset();
  });
  if (firstEvent?.type === 'click' && (firstEvent.target as Element).closest?.('[data-reset]')) reset();
  else update();
}

// The loader (copy-loader.ts) imports this module when the form is first touched, then fires `enhance` at the form
// with that event; later events reach the listeners attach() sets up, so attach() ignores them.
document.addEventListener('enhance', (event) => {
  const form = event.target as HTMLElement;
  if (form.matches('[data-guide-config]')) attach(form, (event as CustomEvent<Event>).detail);
});
