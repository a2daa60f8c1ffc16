/**
 * `npm run check`, second half: validates the content root (CONFNOTES_CONTENT, default content/) and prints one
 * line per mistake, the same lines a failing build prints. Exit code 1 when anything is wrong.
 */
import { contentRoot } from '../src/lib/config.ts';
import { checkContent } from '../src/lib/content-check.ts';
import { contentErrorReport } from '../src/integrations/content-guard.ts';

const root = contentRoot();
const lines = checkContent(root);
if (lines.length > 0) {
  console.error(contentErrorReport(lines, root));
  process.exit(1);
}
console.log(`content ok: ${root}/`);
