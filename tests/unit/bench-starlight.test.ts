/**
 * The bench's Starlight harness gets the same content as our build: every synthetic talk as a page per language
 * with the same review Markdown, plus conference, speaker and tag pages (bench/starlight/content.ts).
 */
import { describe, expect, it } from 'vitest';
import { starlightPages } from '../../bench/starlight/content.ts';
import { syntheticContent } from '../../scripts/lib/synthetic.ts';

describe('the Starlight harness content', () => {
  const content = syntheticContent({ talks: 45, seed: 3 });
  const pages = starlightPages(content);
  const reviews = [...content.keys()].filter((path) => /^talks\/.+\/(zh|en)\.md$/.test(path));

  it('has one page per review, per language, whose body is the review body', () => {
    expect(reviews).toHaveLength(90);
    for (const path of reviews) {
      const [, conference, talk, file] = path.split('/');
      const lang = file.replace('.md', '');
      const page = pages.get(`${lang}/${conference}/${talk}.md`);
      expect(page, path).toBeDefined();
      const review = content.get(path)!;
      expect(page!.endsWith(review.slice(review.indexOf('\n---\n', 4) + 5))).toBe(true);
      expect(page).toMatch(/^---\ntitle: ".+"\ndescription: ".+"\n---\n/);
    }
  });

  it('has the conference, speaker and tag pages of both languages, each linking its talks', () => {
    const speakers = [...content.keys()].filter((path) => path.startsWith('speakers/')).length;
    for (const lang of ['zh', 'en']) {
      const of = (prefix: string) => [...pages.keys()].filter((path) => path.startsWith(`${lang}/${prefix}`));
      expect(of('speakers/')).toHaveLength(speakers + 1);
      expect(of('tags/')).toHaveLength(31);
      expect(pages.get(`${lang}/benchconf-3/index.md`)).toContain(`](/${lang}/benchconf-3/`);
    }
    expect(pages.size).toBe(90 + 2 * (1 + 3 + speakers + 1 + 31));
  });
});
