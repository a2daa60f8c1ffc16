/**
 * `npm run check`, last part: the translation status table of the content root (CONFNOTES_CONTENT, default
 * content/): every conference, talk and guide, and for each language whether its text is present, missing, declared
 * untranslated, or older than the other language's by last commit date (`git log -1 --format=%cI -- file`).
 * It informs and never fails: an entry may legitimately exist in one language only.
 */
import { execFileSync } from 'node:child_process';
import { contentRoot } from '../src/lib/config.ts';
import { readContent } from '../src/lib/content-check.ts';
import { formatStatus, translationStatus } from './lib/translation-status.ts';

/** The file's last commit date, or undefined when it has none (new file, no git, not a repository). */
function lastCommitDate(file: string): string | undefined {
  try {
    const date = execFileSync('git', ['log', '-1', '--format=%cI', '--', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return date || undefined;
  } catch {
    return undefined;
  }
}

const root = contentRoot();
console.log(formatStatus(translationStatus(readContent(root), lastCommitDate), root));
