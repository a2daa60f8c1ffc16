/**
 * Scaffolds build as they are: a new conference, speaker, talk, Chinese-only talk and guide, written by
 * `npm run new` into a copy of the fixture conference with nothing filled in, go through the real `astro build`.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build, projectRoot, type BuildResult } from '../support/build.ts';
import { htmlPages, page } from '../support/dist.ts';
import { main } from '../../scripts/new.ts';

const temp = mkdtempSync(join(tmpdir(), 'confnotes-new-build-'));
const root = join(temp, 'notes');
let result: BuildResult;
let pages: string[] = [];

beforeAll(async () => {
  cpSync(join(projectRoot, 'tests/fixtures/fixture-conf'), root, { recursive: true });
  vi.spyOn(console, 'log').mockImplementation(() => {});
  const steps = [
    ['conference', 'draftconf-2032', '--start', '2032-09-01', '--days', '2'],
    ['speaker', 'new-speaker'],
    ['talk', 'draftconf-2032', 'draft-talk', '--speaker', 'new-speaker', '--tag', 'testing'],
    ['talk', 'draftconf-2032', 'zh-only-talk', '--speaker', 'new-speaker', '--speaker', 'li-si', '--only', 'zh'],
    ['talk', 'samplecamp-2031', 'late-addition', '--speaker', 'zhang-san'],
    ['guide', 'draft-guide', '--conference', 'draftconf-2032', '--published', '2032-09-03'],
  ];
  for (const step of steps) {
    const code = main([...step, '--root', root]);
    if (code !== 0) throw new Error(`npm run new -- ${step.join(' ')} failed with ${code}`);
  }
  vi.restoreAllMocks();
  result = await build({ CONFNOTES_CONTENT: root }, join(temp, 'dist'));
  if (result.code === 0) pages = htmlPages(result.outDir);
}, 240_000);

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('a scaffolded site', () => {
  it('builds with every TODO still in place', () => {
    expect(result.code, result.output).toBe(0);
  });

  it('has the scaffolded talk in both languages, with its TODO text, speaker and schedule slot', () => {
    for (const lang of ['zh', 'en']) {
      expect(pages).toContain(`/${lang}/draftconf-2032/draft-talk/`);
      const $ = page(`/${lang}/draftconf-2032/draft-talk/`, result.outDir);
      expect($('h1').text()).toMatch(/^TODO/);
      expect($('#review').text()).toMatch(/^TODO/);
      expect($(`a[href="/${lang}/speakers/new-speaker/"]`).length).toBeGreaterThan(0);
      expect($('time[datetime="2032-09-01T09:00+08:00"]').text()).toBe('09:00');
      expect($('.notice')).toHaveLength(0);
    }
    // The conference page lists both new talks, one after the other.
    const $ = page('/en/draftconf-2032/', result.outDir);
    expect($('li.talk')).toHaveLength(2);
    expect(
      $('li.talk time')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['09:00', '09:45', '09:45', '10:30']);
  });

  it('shows the Chinese-only scaffold on the English side with the untranslated notice', () => {
    const $ = page('/en/draftconf-2032/zh-only-talk/', result.outDir);
    expect($('.notice a').attr('href')).toBe('/zh/draftconf-2032/zh-only-talk/');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
  });

  it('adds a talk to an existing conference in a free slot, and builds the new speaker, conference and guide pages', () => {
    const $ = page('/en/samplecamp-2031/', result.outDir);
    expect($('li.talk')).toHaveLength(7);
    expect($('a[href="/en/samplecamp-2031/late-addition/"]').length).toBe(1);
    for (const lang of ['zh', 'en']) {
      for (const path of [`/${lang}/speakers/new-speaker/`, `/${lang}/draftconf-2032/`, `/${lang}/guides/draft-guide/`])
        expect(pages).toContain(path);
    }
  });
});
