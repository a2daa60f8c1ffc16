/** Reading a page's Content Security Policy the way a browser does, and the hashes it would accept. */
import { createHash } from 'node:crypto';
import type { CheerioAPI } from 'cheerio';

export type Policy = Map<string, string[]>;

/** "script-src 'self' 'sha256-…'; style-src 'self'" → { script-src: ["'self'", "'sha256-…'"], style-src: [...] } */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    // A browser ignores a repeated directive; the first one wins.
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The directive that governs a kind of resource, with CSP's fallbacks (…-elem → …-src → default-src). */
export function sourcesFor(policy: Policy, kind: 'script-elem' | 'script-attr' | 'style-elem' | 'style-attr'): string[] | undefined {
  const family = kind.startsWith('script') ? 'script' : 'style';
  const specific = kind.endsWith('elem') ? `${family}-src-elem` : `${family}-src-attr`;
  return policy.get(specific) ?? policy.get(`${family}-src`) ?? policy.get('default-src');
}

const ALGORITHMS = ['sha256', 'sha384', 'sha512'] as const;

/** Whether some hash source of the list matches the exact text, in any algorithm the list uses. */
export function hashAllowed(sources: readonly string[], text: string): boolean {
  return ALGORITHMS.some((algorithm) => sources.includes(`'${algorithm}-${createHash(algorithm).update(text, 'utf8').digest('base64')}'`));
}

/** Scripts a browser runs: no type, a JavaScript MIME type or "module". JSON-LD and other data blocks are not run. */
export function isExecutableScript(type: string | undefined): boolean {
  if (type === undefined || type.trim() === '') return true;
  const value = type.trim().toLowerCase();
  return value === 'module' || /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(value) || value === 'text/jscript';
}

export function pagePolicy($: CheerioAPI): { text: string | undefined; count: number } {
  const metas = $('meta').filter((_, el) => ($(el).attr('http-equiv') ?? '').toLowerCase() === 'content-security-policy');
  return { text: metas.first().attr('content'), count: metas.length };
}
