/**
 * `npm run check`, second half: validates the content root (CONFNOTES_CONTENT, default content/) and prints one
 * line per mistake, the same lines a failing build prints. Exit code 1 when anything is wrong.
 */
import { contentRoot } from '../src/lib/config.ts';
import { checkContent } from '../src/lib/content-check.ts';

const root = contentRoot();
const lines = checkContent(root);
if (lines.length > 0) {
  for (const line of lines) console.error(`content error: ${line}`);
  console.error(`${lines.length} content error${lines.length === 1 ? '' : 's'} in ${root}/`);
  process.exit(1);
}
console.log(`content ok: ${root}/`);
