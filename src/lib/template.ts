/**
 * Splits a dictionary string with named holes ("by {author} ({date})") into text and hole parts, so a component can
 * put links and <time> elements into a sentence whose word order differs per language.
 */
export type TemplatePart = { type: 'text'; value: string } | { type: 'hole'; name: string };

export function fillTemplate(template: string, names: readonly string[]): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    if (!names.includes(match[1])) continue;
    if (match.index > last) parts.push({ type: 'text', value: template.slice(last, match.index) });
    parts.push({ type: 'hole', name: match[1] });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ type: 'text', value: template.slice(last) });
  return parts;
}
