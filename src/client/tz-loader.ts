/**
 * Shows the time-zone button (hidden without JS) with the reader's zone in its label; the first click fetches
 * tz-switch.ts, which does the work. `?worker&url` keeps Vite's preload helper out of this small loader.
 */
import switchModule from './tz-switch.ts?worker&url';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-tz-switch]')) {
  button.textContent = (button.dataset.mine ?? '').replace('{zone}', zone);
  button.hidden = false;
  button.addEventListener('click', () =>
    void import(/* @vite-ignore */ switchModule).then(() => button.dispatchEvent(new CustomEvent('tz-toggle', { bubbles: true }))),
  );
}
