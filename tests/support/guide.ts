/** The coreos-vagrant guide as tests see it: its marked blocks, its files, and facts from FACTS.md (tests/data/). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFenceMeta } from '../../src/lib/embed.ts';
import { NOTES_INPUT, TEMPLATES, type FormInput, type TemplateId } from '../../src/lib/guide-config.ts';
import { projectRoot } from './build.ts';

export const guideDir = join(projectRoot, 'content/guides/coreos-vagrant');

/** Every fenced block of a language's Markdown that carries `template="id"`: its text (a file's text for file fences). */
export function markdownTemplates(lang: string): Record<string, string> {
  const markdown = readFileSync(join(guideDir, `${lang}.md`), 'utf8');
  const blocks: Record<string, string> = {};
  for (const match of markdown.matchAll(/^```[\w-]*[ \t]*([^\n]*)\n([\s\S]*?)^```$/gm)) {
    const meta = parseFenceMeta(match[1]);
    if (!meta.template) continue;
    blocks[meta.template] = meta.file ? readFileSync(join(guideDir, meta.file), 'utf8') : match[2];
  }
  return blocks;
}

/** The original text of every file template (what the renderer rewrites), read from the Markdown's references. */
export function guideOriginals(): Partial<Record<TemplateId, string>> {
  const blocks = markdownTemplates('en');
  return Object.fromEntries(Object.entries(blocks).filter(([id]) => TEMPLATES[id as TemplateId]?.kind === 'file')) as Partial<Record<TemplateId, string>>;
}

/**
 * The Vagrantfile lines FACTS.md quotes exactly ("line 14 `...`"), by line number: test data taken from the project's
 * FACTS.md (kept outside this repository), section "The coreos-vagrant guide".
 */
export function factsVagrantfileLines(): Map<number, string> {
  const lines = JSON.parse(readFileSync(join(projectRoot, 'tests/data/facts-vagrantfile-lines.json'), 'utf8')) as Record<string, string>;
  return new Map(Object.entries(lines).map(([line, text]) => [Number(line), text]));
}

/** A small deterministic generator, so a failing sample can be reproduced from its index. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  const hex = (length: number) => Array.from({ length }, () => '0123456789abcdef'[int(0, 15)]).join('');
  return { next, int, pick, hex };
}

const MIRRORS = [
  (r: ReturnType<typeof random>) => `http://localhost:${r.int(1024, 65535)}/`,
  (r: ReturnType<typeof random>) => `http://127.0.0.1:${r.int(1024, 65535)}/boxes/`,
  (r: ReturnType<typeof random>) => `http://10.0.${r.int(0, 255)}.${r.int(1, 254)}`,
  (r: ReturnType<typeof random>) => `http://[::1]:${r.int(1024, 65535)}/coreos`,
  (r: ReturnType<typeof random>) => `https://mirror${r.int(1, 9)}.example.com/coreos/${r.hex(4)}`,
  (r: ReturnType<typeof random>) => `http://boxes.internal.example:${r.int(80, 9000)}/`,
  (r: ReturnType<typeof random>) => `/srv/coreos-${r.hex(3)}`,
  (r: ReturnType<typeof random>) => `/home/me/my boxes/${r.hex(2)}/`,
  () => '/tmp/odd "quoted" #{dir}',
  (r: ReturnType<typeof random>) => `C:\\Vagrant Boxes\\${r.hex(3)}`,
  () => 'D:/boxes/coreos',
];

/**
 * Valid form inputs other than the notes': every flavor, channel and naming, odd mirrors (IPv6, https, folders with
 * spaces, quotes and `#{`), the smallest and largest clusters. Index 0 onwards is stable for a given count.
 */
export function sampleInputs(count: number, seed = 2015): FormInput[] {
  const r = random(seed);
  const samples: FormInput[] = [];
  for (let index = 0; index < count; index++) {
    const instances = index === 0 ? 1 : index === 1 ? 154 : index === 2 ? 3 : r.int(1, 154);
    const naming = instances === 1 ? r.pick(['machine-id', 'private-ip', 'fixed'] as const) : r.pick(['machine-id', 'private-ip'] as const);
    samples.push({
      flavor: index % 2 === 0 ? 'flatcar' : 'coreos-2015',
      channel: (['alpha', 'beta', 'stable'] as const)[index % 3],
      version: `${r.int(1, 5000)}.${r.int(0, 9)}.${r.int(0, 12)}`,
      checksum: r.hex(64),
      mirror: MIRRORS[index % MIRRORS.length](r),
      instances: String(instances),
      token: r.hex(32),
      naming,
      memberName: r.pick(['core-01', 'solo', 'etcd.a_1', 'X']),
    });
  }
  return samples;
}

export const NOTES = NOTES_INPUT;
