/**
 * llms.txt (https://llmstxt.org): a Markdown index for language models. The root file names the site and points
 * to one file per language; each language's file lists every conference, talk and guide with a one-line
 * description, linking the pages' Markdown twins (src/lib/markdown-twin.ts). Pure: callers pass plain data and
 * absolute URLs.
 */
import type { Lang } from './schema.ts';
import { mdLink, mdText } from './markdown-twin.ts';

export interface LlmsLink {
  title: string;
  /** Absolute URL. */
  url: string;
  /** One line; no line breaks. */
  description?: string;
}

export interface LlmsSection {
  title: string;
  links: readonly LlmsLink[];
}

export interface LlmsFile {
  title: string;
  summary: string;
  /** Optional plain paragraphs between the summary and the sections. */
  details?: readonly string[];
  sections: readonly LlmsSection[];
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The llmstxt.org shape: `# title`, `> summary`, paragraphs, then `## section` lists of `- [title](url): description`. */
export function llmsTxt(file: LlmsFile): string {
  const blocks = [
    `# ${mdText(oneLine(file.title))}`,
    `> ${mdText(oneLine(file.summary))}`,
    ...(file.details ?? []).map((paragraph) => mdText(oneLine(paragraph))),
    ...file.sections
      .filter((section) => section.links.length > 0)
      .map((section) =>
        [
          `## ${mdText(oneLine(section.title))}`,
          '',
          ...section.links.map((link) => `- ${mdLink(oneLine(link.title), link.url)}${link.description ? `: ${mdText(oneLine(link.description))}` : ''}`),
        ].join('\n'),
      ),
  ];
  return `${blocks.join('\n\n')}\n`;
}

/** The language names the root file lists, each in its own language. */
export const LANGUAGE_NAMES: Record<Lang, string> = { zh: '简体中文', en: 'English' };
