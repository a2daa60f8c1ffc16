/** The keys of src/lib/page-keys.ts: what changes a page's key, and what does not. */
import { describe, expect, it } from 'vitest';
import { pageKey, siteKey, type SiteKeyInput } from '../../src/lib/page-keys.ts';

const input = (): SiteKeyInput => ({
  entries: [{ collection: 'talks', id: 'a', data: { title: { zh: '甲', en: 'A' }, day: 1, when: new Date('2016-04-16T01:00:00Z') } }],
  texts: [{ collection: 'summaries', entry: { id: 'conf/en', data: { title: 'Conf' }, body: 'Summary.', rendered: { html: '<p>Summary.</p>' } } }],
  reviews: [{ id: 'conf/a/en', data: { heading: 'H', verdict: 'V' }, body: 'Body.', rendered: { html: '<p>Body.</p>' } }],
  files: [{ path: 'guides/g/files/x.rb', bytes: new TextEncoder().encode('x = 1\n') }],
  settings: { base: '/', site: 'https://example.org', shareCards: 'true', content: '/c' },
});

describe('siteKey', () => {
  it('is the same for the same content, whatever the order of object keys', () => {
    const reordered = input();
    reordered.entries[0].data = { day: 1, when: new Date('2016-04-16T01:00:00Z'), title: { en: 'A', zh: '甲' } };
    expect(siteKey(reordered)).toBe(siteKey(input()));
  });

  it('ignores review bodies and their HTML, and nothing else', () => {
    const original = input();
    const body = { ...original, reviews: [{ ...original.reviews[0], body: 'Another body.', rendered: { html: '<p>Another body.</p>' } }] };
    expect(siteKey(body)).toBe(siteKey(input()));
    const changes: Array<(value: SiteKeyInput) => void> = [
      (value) => (value.reviews[0].data = { heading: 'H', verdict: 'Another verdict' }),
      (value) => (value.entries[0].data = { title: { zh: '甲', en: 'A' }, day: 2 }),
      (value) => (value.texts[0].entry.body = 'Another summary.'),
      (value) => (value.files[0].bytes = new TextEncoder().encode('x = 2\n')),
      (value) => (value.settings = { ...value.settings, shareCards: 'false' }),
    ];
    for (const change of changes) {
      const changed = input();
      change(changed);
      expect(siteKey(changed)).not.toBe(siteKey(input()));
    }
  });
});

describe('pageKey', () => {
  it('is the site key for a page without a review, and changes with the body of the review a page shows', () => {
    const site = siteKey(input());
    const review = input().reviews[0];
    expect(pageKey(site)).toBe(site);
    expect(pageKey(site, review)).toBe(pageKey(site, { ...review }));
    expect(pageKey(site, { ...review, body: 'Another body.' })).not.toBe(pageKey(site, review));
    expect(pageKey(site, { ...review, rendered: { html: '<p>Other.</p>' } })).not.toBe(pageKey(site, review));
    expect(pageKey('another site key', review)).not.toBe(pageKey(site, review));
  });
});
