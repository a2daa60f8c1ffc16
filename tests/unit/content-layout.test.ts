/** The content root's layout (src/lib/content-layout.ts): what each file is, and the ids Astro's loaders give it. */
import { describe, expect, it } from 'vitest';
import { classify, CLOCK_PATTERN, COLLECTION_FILES, entryId, ID_PATTERN } from '../../src/lib/content-layout.ts';

const at = (path: string) => classify(path.split('/'));

describe('classify', () => {
  it('names every kind of entry file, with its id and language', () => {
    expect(at('tags.yaml')).toEqual({ kind: 'tags', id: 'tags', format: 'yaml' });
    expect(at('conferences/gopherchina-2016/conference.yaml')).toEqual({ kind: 'conference', id: 'gopherchina-2016', format: 'yaml' });
    expect(at('conferences/gopherchina-2016/zh.md')).toEqual({ kind: 'summary', id: 'gopherchina-2016', lang: 'zh', format: 'markdown' });
    expect(at('talks/gopherchina-2016/baidu-bfe/talk.yaml')).toEqual({ kind: 'talk', id: 'baidu-bfe', format: 'yaml' });
    expect(at('talks/gopherchina-2016/baidu-bfe/en.md')).toEqual({ kind: 'review', id: 'baidu-bfe', lang: 'en', format: 'markdown' });
    expect(at('speakers/dave-cheney.yaml')).toEqual({ kind: 'speaker', id: 'dave-cheney', format: 'yaml' });
    expect(at('guides/coreos-vagrant/guide.yaml')).toEqual({ kind: 'guide', id: 'coreos-vagrant', format: 'yaml' });
    expect(at('guides/coreos-vagrant/zh.md')).toEqual({ kind: 'guideText', id: 'coreos-vagrant', lang: 'zh', format: 'markdown' });
  });

  it('lets embedded files and conference assets be, and knows no other file', () => {
    expect(at('guides/coreos-vagrant/files/config.rb')).toEqual({ kind: 'asset' });
    expect(at('conferences/gopherchina-2016/img/hall.png')).toEqual({ kind: 'asset' });
    expect(at('talks/gopherchina-2016/baidu-bfe/fr.md')).toBeUndefined();
    expect(at('speakers/ada.json')).toBeUndefined();
    expect(at('notes.txt')).toBeUndefined();
  });
});

describe('entryId', () => {
  it('gives the ids the collections use: folder, file name, or "<folder>/<lang>" for a text', () => {
    // Talks by folder path: talk ids are unique per conference only.
    expect(entryId(COLLECTION_FILES.talks.kind, 'gopherchina-2016/baidu-bfe/talk.yaml')).toBe('gopherchina-2016/baidu-bfe');
    expect(entryId(COLLECTION_FILES.reviews.kind, 'gopherchina-2016/baidu-bfe/zh.md')).toBe('gopherchina-2016/baidu-bfe/zh');
    expect(entryId(COLLECTION_FILES.speakers.kind, 'dave-cheney.yml')).toBe('dave-cheney');
    expect(entryId(COLLECTION_FILES.guideTexts.kind, 'coreos-vagrant/en.md')).toBe('coreos-vagrant/en');
  });
});

describe('patterns', () => {
  it('ids are lowercase letters, digits and single hyphens; clock times are 24-hour HH:MM', () => {
    expect(['dave-cheney', 'go1', 'a'].every((id) => ID_PATTERN.test(id))).toBe(true);
    expect(['Dave', 'a--b', '-a', 'a_b', ''].some((id) => ID_PATTERN.test(id))).toBe(false);
    expect(['00:00', '09:05', '23:59'].every((time) => CLOCK_PATTERN.test(time))).toBe(true);
    expect(['24:00', '9:05', '09:60', '0905'].some((time) => CLOCK_PATTERN.test(time))).toBe(false);
  });
});
