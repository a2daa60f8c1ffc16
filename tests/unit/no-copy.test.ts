/**
 * No copying: no run of 20 or more consecutive Chinese characters of the original notes appears in any file under
 * the content root. The notes' Chinese characters (Han script only, in order, one line per line of the post that has
 * any) are test data in tests/data/notes-han.txt, taken from Tony Bai's post as the project keeps it outside this
 * repository (../shared/source/000_fa67ba92748a96ec.txt), so the test runs in a clone that has only this repository.
 *
 * Both sides are reduced to their Chinese characters (Han script) before comparing, so punctuation, spaces, Latin
 * words, digits and Markdown cannot hide a copied sentence. Allowed exceptions are the talk titles, which are proper
 * names that must be quoted exactly: the official titles (talk.yaml `title.zh`) and the titles as the slide files
 * spell them, without number and speaker (which is how the notes name the talks). Their characters break a run
 * instead of extending it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { contentRoot } from '../../src/lib/config.ts';
import type { Speaker, Talk } from '../../src/lib/schema.ts';
import { projectRoot } from '../support/build.ts';

const LIMIT = 20;
const NOTES_HAN = join(projectRoot, 'tests/data/notes-han.txt');

/** The Han characters of a text, with each one's index in the text. */
function hanOf(text: string): { chars: string; at: number[] } {
  let chars = '';
  const at: number[] = [];
  for (const match of text.matchAll(/\p{Script=Han}/gu)) {
    chars += match[0];
    at.push(match.index);
  }
  return { chars, at };
}

/** Splits a Han stream at every occurrence of an allowed exception, longest first. */
function withoutExceptions(chars: string, exceptions: readonly string[]): Array<{ chars: string; offset: number }> {
  const cut = new Array<boolean>(chars.length).fill(false);
  for (const exception of [...exceptions].sort((a, b) => b.length - a.length)) {
    if (!exception) continue;
    for (let from = chars.indexOf(exception); from !== -1; from = chars.indexOf(exception, from + 1)) {
      for (let i = from; i < from + exception.length; i++) cut[i] = true;
    }
  }
  const pieces: Array<{ chars: string; offset: number }> = [];
  let start = -1;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && !cut[i]) {
      if (start === -1) start = i;
    } else if (start !== -1) {
      pieces.push({ chars: chars.slice(start, i), offset: start });
      start = -1;
    }
  }
  return pieces;
}

/** The longest common run of two strings (dynamic programming over one row at a time). */
function longestCommonRun(a: string, b: string): { length: number; startInA: number } {
  let best = { length: 0, startInA: 0 };
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? previous[j - 1] + 1 : 0;
      if (current[j] > best.length) best = { length: current[j], startInA: i - current[j] };
    }
    [previous, current] = [current, previous];
    current.fill(0);
  }
  return best;
}

interface Run {
  file: string;
  length: number;
  text: string;
  line: number;
}

/** The longest run of `text` that also appears in one of the sources, exceptions removed. */
function longestSharedRun(file: string, text: string, sources: readonly string[], exceptions: readonly string[]): Run {
  const { chars, at } = hanOf(text);
  let best: Run = { file, length: 0, text: '', line: 0 };
  for (const piece of withoutExceptions(chars, exceptions)) {
    for (const source of sources) {
      const run = longestCommonRun(piece.chars, source);
      if (run.length > best.length) {
        const index = at[piece.offset + run.startInA];
        best = { file, length: run.length, text: piece.chars.slice(run.startInA, run.startInA + run.length), line: text.slice(0, index).split('\n').length };
      }
    }
  }
  return best;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const root = join(projectRoot, contentRoot());
const contentFiles = walk(root).filter((file) => !/\.(png|jpe?g|gif|webp|avif|ico|pdf)$/i.test(file));
const talkFiles = contentFiles.filter((file) => file.endsWith('/talk.yaml'));
/** The allowed exceptions: talk titles, official and as the slide files (and the notes) spell them. */
const exceptions = talkFiles.flatMap((file) => {
  const talk = parseYaml(readFileSync(file, 'utf8')) as Talk;
  const speakers = talk.speakers.map((id) => (parseYaml(readFileSync(join(root, 'speakers', `${id}.yaml`), 'utf8')) as Speaker).name.zh);
  const slideTitle = speakers.reduce((title, name) => title.replace(name, ' '), decodeURIComponent(talk.slides?.split('/').at(-1) ?? ''));
  return [hanOf(talk.title.zh).chars, hanOf(slideTitle).chars].filter(Boolean);
});
/** The notes' Han stream: the data file's lines joined, as the post runs on from one line to the next. */
const sources = [readFileSync(NOTES_HAN, 'utf8').split('\n').join('')];

describe('no copying from the original notes', () => {
  it('has the notes\' Chinese characters as test data', () => {
    expect(hanOf(sources[0]).chars).toBe(sources[0]);
    expect(sources[0].length).toBeGreaterThan(3000);
  });

  it('the exceptions are the 15 talks’ titles', () => {
    expect(talkFiles).toHaveLength(15);
    expect(exceptions.every((title) => title.length < LIMIT)).toBe(true);
  });

  it('detects a copied run whatever the punctuation, spacing and Latin words around it', () => {
    // A sentence of the notes, re-punctuated and re-spaced, with a Latin word inserted: still a copy.
    const copied = '谢大组织的这次 GopherChina 2016 非常成功, 表现为几点: 参会者众多 , 会场爆满';
    const run = longestSharedRun('sample.md', copied, sources, exceptions);
    expect(run.length).toBeGreaterThanOrEqual(LIMIT);
    // A title is an allowed exception: it breaks a run instead of extending it.
    const heading = '孙建良的“Go在网易广域网上传加速系统中的应用”';
    expect(longestSharedRun('sample.md', heading, sources, []).length).toBe(20);
    expect(longestSharedRun('sample.md', heading, sources, exceptions).length).toBe(4);
  });

  it(`no file under the content root shares ${LIMIT} consecutive Chinese characters with the notes`, () => {
    expect(contentFiles.length).toBeGreaterThan(50);
    const runs = contentFiles.map((file) => longestSharedRun(relative(projectRoot, file), readFileSync(file, 'utf8'), sources, exceptions));
    const copied = runs.filter((run) => run.length >= LIMIT).map((run) => `${run.file}:${run.line}: ${run.length} characters shared with the notes: ${run.text}`);
    expect(copied).toEqual([]);
  });
});
