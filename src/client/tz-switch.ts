/**
 * Rewrites every schedule time on the page (`<time datetime="…T09:00+08:00">`) into the reader's zone, and back.
 * A time that falls on another calendar day in the reader's zone gets the date too. The conference's own text is
 * kept in `data-conference-time` to switch back without a reload. The loader (tz-loader.ts) fires `tz-toggle` at the
 * button on each click.
 */
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const clock = new Intl.DateTimeFormat(document.documentElement.lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const day = new Intl.DateTimeFormat(document.documentElement.lang, { month: 'short', day: 'numeric' });
const localDate = (date: Date) => new Intl.DateTimeFormat('en-CA').format(date);

function toggle(button: HTMLButtonElement) {
  const mine = button.dataset.showing !== 'mine';
  for (const time of document.querySelectorAll<HTMLTimeElement>('.timeline time[datetime*="T"], .when time[datetime*="T"]')) {
    if (mine) {
      const value = time.dateTime;
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) continue;
      time.dataset.conferenceTime ??= time.textContent ?? '';
      const sameDay = localDate(date) === value.slice(0, 10);
      time.textContent = sameDay ? clock.format(date) : `${day.format(date)} ${clock.format(date)}`;
    } else if (time.dataset.conferenceTime !== undefined) {
      time.textContent = time.dataset.conferenceTime;
    }
  }
  button.dataset.showing = mine ? 'mine' : 'theirs';
  button.textContent = mine ? (button.dataset.theirs ?? '') : (button.dataset.mine ?? '').replace('{zone}', zone);
}

// Built as a standalone module (the loader imports its URL), so it is driven by an event rather than an export.
addEventListener('tz-toggle', (event) => toggle(event.target as HTMLButtonElement));
