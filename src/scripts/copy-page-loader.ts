/**
 * The <copy-page> element: shows its button, and on the first click fetches the code that copies the page's
 * Markdown (copy-page.ts, built standalone through `?worker&url` like the code copy buttons, so this stays tiny),
 * then hands it the click as an `enhance` event.
 */
import copyPageModule from './copy-page.ts?worker&url';

customElements.define(
  'copy-page',
  class extends HTMLElement {
    connectedCallback() {
      const button = this.querySelector('button')!;
      button.hidden = false;
      button.addEventListener('click', () => void import(/* @vite-ignore */ copyPageModule).then(() => this.dispatchEvent(new CustomEvent('enhance', { bubbles: true }))));
    }
  },
);
