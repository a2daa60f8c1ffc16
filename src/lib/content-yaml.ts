/**
 * YAML as Astro will read it, with errors an author can act on.
 *
 * Astro parses data files and front matter with js-yaml, whose default schema turns an unquoted
 * `2016-04-16T09:00:00+08:00` or `2015-07-20` into a `Date`. The checker parses with `yaml` (for its positions) and
 * then converts the same plain scalars the same way, so the schemas see exactly what Astro's loader will see. On
 * the way it refuses an unquoted date that does not exist (js-yaml would roll 2015-04-31 over to 1 May).
 *
 * A syntax error names its line and key, and when the value holds ": " (the usual cause of "Nested mappings are not
 * allowed in compact mappings") says to quote it.
 */
import { isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { isRealDay } from './schema.ts';

export interface YamlProblem {
  field: string;
  reason: string;
}

export type YamlResult = { data: unknown; problems: YamlProblem[] } | { error: YamlProblem };

// js-yaml's implicit timestamp forms (lib/type/timestamp.js).
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d\d?)-(\d\d?)(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.(\d*))?(?:[ \t]*(Z|([-+])(\d\d?)(?::(\d\d))?))?$/;

/** The `Date` js-yaml builds from a plain timestamp scalar, or a reason it is not a real moment. */
function yamlTimestamp(text: string): Date | string | undefined {
  const date = DATE.exec(text);
  if (date) {
    const [year, month, day] = date.slice(1).map(Number);
    return isRealDay(year, month, day) ? new Date(Date.UTC(year, month - 1, day)) : `${text} is not a real date`;
  }
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return `${text} is not a real date and time`;
  const fraction = Number(`0.${match[7] ?? '0'}`) * 1000;
  let time = Date.UTC(year, month - 1, day, hour, minute, second, fraction);
  if (match[9]) time -= (match[9] === '-' ? -1 : 1) * (Number(match[10]) * 60 + Number(match[11] ?? 0)) * 60_000;
  return new Date(time);
}

/** The author's path of a node from `visit`'s ancestors: speakers[0], title.en. */
function pathOf(ancestors: readonly unknown[], node: unknown): string {
  const parts: Array<string | number> = [];
  const chain = [...ancestors, node];
  chain.forEach((item, index) => {
    const next = chain[index + 1];
    if (isSeq(item) && next !== undefined) parts.push(item.items.indexOf(next as never));
    if (isPair(item) && next === item.value && isScalar(item.key)) parts.push(String(item.key.value));
  });
  return parts.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '') || '(file)';
}

/** The key written on a line (`  verdict: …`, `- name: …`) and the value after it. */
function keyOnLine(line: string): { key: string; value: string } | undefined {
  const match = /^\s*(?:-\s+)*([A-Za-z_][\w-]*|"[^"]*"|'[^']*')\s*:(?:\s+(.*))?$/.exec(line);
  return match ? { key: match[1].replace(/^["']|["']$/g, ''), value: match[2] ?? '' } : undefined;
}

/**
 * Parses YAML text. `firstLine` is the file line the text starts on (2 for front matter after its "---").
 * A syntax error comes back as one problem; unquoted dates that do not exist come back beside the data.
 */
export function parseYamlText(text: string, firstLine = 1): YamlResult {
  const doc = parseDocument(text);
  const [error] = doc.errors;
  if (error) {
    let lineIndex = (error.linePos?.[0].line ?? 1) - 1;
    const lines = text.split('\n');
    if (/^Flow (sequence|mapping|map)/.test(error.message)) {
      // yaml notices an unclosed [ or { where the next key starts; the mistake is on the line that opened it.
      const unbalanced = (line: string) => (line.match(/[[{]/g)?.length ?? 0) > (line.match(/[\]}]/g)?.length ?? 0);
      for (let index = lineIndex; index >= 0; index--) {
        if (unbalanced(lines[index] ?? '')) {
          lineIndex = index;
          break;
        }
      }
    }
    const line = lines[lineIndex] ?? '';
    const found = keyOnLine(line);
    const where = `line ${lineIndex + firstLine}`;
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    let reason = `invalid YAML: ${message}`;
    if (found && /:\s/.test(found.value) && !/^["'[{|>]/.test(found.value)) {
      reason += `; the value contains ": ", so put it in quotes: ${found.key}: "${found.value.replace(/"/g, '\\"')}"`;
    } else if (found && /^[@`]/.test(found.value)) {
      reason += `; a value starting with "${found.value[0]}" must be in quotes`;
    }
    return { error: { field: found ? `${where} (${found.key})` : where, reason } };
  }
  const problems: YamlProblem[] = [];
  visit(doc, {
    Scalar(_key, node, ancestors) {
      if (node.type !== 'PLAIN' || typeof node.value !== 'string') return;
      const parent = ancestors.at(-1);
      if (isPair(parent) && parent.key === node) return;
      const timestamp = yamlTimestamp(node.value);
      if (timestamp === undefined) return;
      if (typeof timestamp === 'string') problems.push({ field: pathOf(ancestors, node), reason: timestamp });
      else node.value = timestamp;
    },
  });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (caught) {
    return { error: { field: `line ${firstLine}`, reason: `invalid YAML: ${(caught as Error).message}` } };
  }
  return { data, problems };
}

