/** The built GopherChina 2016 talk pages against the verified schedule (tests/data/gopherchina-2016-schedule.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { contentRoot } from '../src/lib/config.ts';
import type { Talk } from '../src/lib/schema.ts';
import { SCHEDULE } from './data/gopherchina-2016-schedule.ts';
import { projectRoot } from './support/build.ts';
import { page } from './support/dist.ts';

const talkYaml = (id: string) => parseYaml(readFileSync(join(projectRoot, contentRoot(), 'talks', 'gopherchina-2016', id, 'talk.yaml'), 'utf8')) as Talk;

describe('the built talk pages', () => {
  it.each(SCHEDULE)('$no $talk shows the official titles, times and slides link in both languages', (row) => {
    const slides = talkYaml(row.talk).slides!;
    const date = row.day === 1 ? '2016-04-16' : '2016-04-17';
    for (const lang of ['zh', 'en'] as const) {
      const $ = page(`/${lang}/gopherchina-2016/${row.talk}/`);
      // Both titles are official: the page's once, as its h1, the other's under it in its own language.
      const other = lang === 'zh' ? 'en' : 'zh';
      expect($('h1').text().trim()).toBe(row.title[lang]);
      if (row.title[other] === row.title[lang]) expect($('.other-title')).toHaveLength(0);
      else {
        expect($('hgroup > .other-title').text()).toBe(`${lang === 'zh' ? '英文官方标题：' : 'Official Chinese title: '}${row.title[other]}`);
        // A title in Chinese characters carries lang="zh-CN" on an English page, a Latin one lang="en" on a Chinese page.
        const script = /\p{Script=Han}/u.test(row.title[other]) ? 'zh-CN' : 'en';
        expect($('.other-title-label + span').attr('lang')).toBe(script === (lang === 'zh' ? 'zh-CN' : 'en') ? undefined : script);
      }
      expect($(`time[datetime="${date}T${row.start}+08:00"]`).text()).toBe(row.start);
      expect($(`time[datetime="${date}T${row.end}+08:00"]`).text()).toBe(row.end);
      const link = $('main a').filter((_, element) => $(element).attr('href') === slides);
      expect(link.length).toBe(1);
      expect(link.text()).toBe(row.slides);
    }
  });
});
