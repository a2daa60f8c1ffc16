/**
 * `npm run import -- <file> [--root <content dir>] [--conference <id>] [--zone <IANA zone>]`
 * Reads a published schedule (frab/pentabarf schedule.xml, pretalx/frab schedule.json, Sessionize "All" JSON, CSV
 * with a header row) and writes confnotes content: see scripts/lib/import/. Local files only. A mistake is one line
 * (file: place: reason) and nothing is written.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/lib/config.ts';
import { ImportError, readSchedule } from './lib/import/formats.ts';
import { planImport } from './lib/import/plan.ts';

const USAGE = 'usage: npm run import -- <schedule.xml|schedule.json|sessionize.json|schedule.csv> [--root <content dir>] [--conference <id>] [--zone <IANA zone>]';

function fail(line: string): never {
  console.error(`import error: ${line}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { root: { type: 'string' }, conference: { type: 'string' }, zone: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]}\n${USAGE}`);
}
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [file, ...extra] = parsed.positionals;
if (!file || extra.length > 0) fail(`${file ? `unexpected argument "${extra[0]}"` : 'no file given'}\n${USAGE}`);
if (/^[a-z]+:\/\//i.test(file)) fail(`${file}: (file): only local files are imported; download the schedule first`);
if (!existsSync(file) || !statSync(file).isFile()) fail(`${file}: (file): no such file`);

const root = parsed.values.root ?? contentRoot();
try {
  const imported = readSchedule(readFileSync(file, 'utf8'), { file, zone: parsed.values.zone });
  const plan = planImport(imported, { file, root, conference: parsed.values.conference });
  for (const entry of plan.writes) {
    const target = join(resolve(root), entry.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.text);
  }
  const created = plan.writes.filter((entry) => entry.created).length;
  console.log(
    `imported ${file} (${imported.format}) into ${root}/ as "${plan.conference}": ${plan.talks} talks, ${plan.slots} other slots, ${plan.newSpeakers} new speakers; ` +
      (plan.writes.length === 0 ? 'nothing changed' : `${created} files created, ${plan.writes.length - created} updated`),
  );
  for (const entry of plan.writes) console.log(`  ${entry.created ? 'created' : 'updated'} ${root}/${entry.path}`);
  if (plan.missing.length > 0) console.log(`  not in this schedule any more (left as they are): ${plan.missing.join(', ')}`);
} catch (error) {
  if (error instanceof ImportError) fail(error.message);
  throw error;
}
