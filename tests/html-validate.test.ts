/**
 * html-validate over every page of the build: 0 errors, with the project's .htmlvalidate.json, which is
 * html-validate:recommended with two adjustments (JSON has no comments, so they are explained here):
 *
 * - form-dup-name also lets checkboxes share a name. A group of checkboxes under one name is how an HTML form sends
 *   a field with several values; the search page's facets (?tag=a&tag=b) are exactly that.
 * - long-title is off. It is an SEO heuristic (search results cut titles at about 60 characters), not a validity
 *   rule; a page's title is its content's own title plus " · confnotes", and the generator must not refuse a guide or
 *   a talk because its author gave it a long name. Lighthouse's SEO audit, which checks that every page has a
 *   title, runs in `npm run audit`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate/node';
import { projectRoot } from './support/build.ts';
import { distDir, fileForPath, htmlPages } from './support/dist.ts';

const pages = htmlPages();
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('html-validate', () => {
  it('uses the recommended rules and switches off only what the header of this file explains', () => {
    const config = JSON.parse(readFileSync(join(projectRoot, '.htmlvalidate.json'), 'utf8'));
    expect(config.extends).toEqual(['html-validate:recommended']);
    const off = Object.entries(config.rules ?? {}).filter(([, value]) => value === 'off' || (Array.isArray(value) && value[0] === 'off'));
    expect(off.map(([rule]) => rule)).toEqual(['long-title']);
  });

  it('sees every page, both languages', () => {
    expect(pages.filter((path) => path.startsWith('/zh/')).length).toBeGreaterThan(20);
    expect(pages.filter((path) => path.startsWith('/en/')).length).toBeGreaterThan(20);
  });

  it.each(pages)('%s: 0 errors', async (path) => {
    const file = fileForPath(path, distDir);
    const report = await validator.validateFile(file);
    const errors = report.results.flatMap((result) =>
      result.messages
        .filter((message) => message.severity === 2)
        .map((message) => `${path}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`),
    );
    expect(errors).toEqual([]);
  });
});
