/**
 * Nothing in the built site that should not leave the machine: no absolute path of the build machine, no
 * secret-looking string, no source map or dotfile; and every link that leaves the site, from Markdown or from a
 * component, has rel="noopener noreferrer". Every file of dist/ is read, compressed Pagefind files unpacked.
 */
import { readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { distDir, htmlPages, page, walkFiles } from './support/dist.ts';
import { projectRoot } from './support/build.ts';

const SITE = 'https://confnotes.example';
const files = walkFiles(distDir);

/** A file's text: gzip (Pagefind's index and fragments) unpacked, bytes read one to one so binaries scan too. */
function textOf(file: string): string {
  let bytes = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return bytes.toString('latin1');
}

const MACHINE_PATHS = [
  /\/(?:work|root|tmp|home)\/[^\s"'`<>()]*/g,
  // This machine's own folders, wherever they are, as whole path segments ("/tmp" but not "/tmpl").
  ...[projectRoot, tmpdir(), homedir()]
    .filter((path) => path.length > 1)
    .map((path) => new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_.-])[^\\s"'\`<>()]*`, 'g')),
];

/**
 * Paths that are not ours: Pagefind's prebuilt WebAssembly carries the source paths of the Rust toolchain on the
 * GitHub Actions runner that built Pagefind (panic locations). They name no file of this machine.
 */
const THIRD_PARTY_PATHS = [/^\/home\/runner\/\.cargo\/registry\//, /^\/home\/runner\/\.rustup\/toolchains\//];

const SECRETS: Array<[string, RegExp]> = [
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/g],
  ['AWS access key id', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g],
  ['GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g],
  ['Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/g],
  ['Google API key', /\bAIza[0-9A-Za-z_-]{35}/g],
  ['Stripe live key', /\b[rs]k_live_[0-9A-Za-z]{24,}/g],
  ['OpenAI-style key', /\bsk-(?:proj-)?[A-Za-z0-9]{32,}/g],
  ['npm token', /\bnpm_[A-Za-z0-9]{36}\b/g],
  ['JSON web token', /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g],
  ['credential assignment', /(?:api[_-]?key|secret|token|passw(?:or)?d|access[_-]?key|auth)["']?\s*[:=]\s*["'`]?([A-Za-z0-9+/_-]{16,})/gi],
];

/**
 * Secret-looking values that are published content, not leaks: the etcd discovery token of the 2015 post the
 * coreos-vagrant guide is rebuilt from (in its files/cluster/user-data, and the default of the guide's form). It
 * belonged to a throwaway test cluster of 2015 on a discovery service that no longer keeps it.
 */
const PUBLISHED_VALUES = new Set(['fe81755687323aae273dc5f111eb059a']);

describe('dist/ holds nothing from the build machine', () => {
  it('has files to check, Pagefind included when it is built', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('no absolute path of this machine in any file', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = textOf(file);
      for (const pattern of MACHINE_PATHS) {
        for (const match of text.matchAll(pattern)) {
          if (THIRD_PARTY_PATHS.some((allowed) => allowed.test(match[0]))) continue;
          found.push(`${relative(distDir, file)}: ${match[0].slice(0, 80)}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('no secret-looking string in any file', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = textOf(file);
      for (const [name, pattern] of SECRETS) {
        for (const match of text.matchAll(pattern)) {
          if (PUBLISHED_VALUES.has(match[1] ?? match[0])) continue;
          found.push(`${relative(distDir, file)}: ${name}: ${match[0].slice(0, 60)}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('the secret patterns do catch secrets', () => {
    const samples = [
      '-----BEGIN OPENSSH PRIVATE KEY-----',
      'AKIAIOSFODNN7EXAMPLE',
      'ghp_' + 'a'.repeat(36),
      'xoxb-1234567890-abcdef',
      'AIza' + 'b'.repeat(35),
      'sk_live_' + 'c'.repeat(24),
      'sk-' + 'D'.repeat(40),
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'api_key = "0123456789abcdef0123"',
    ];
    for (const sample of samples) expect(SECRETS.some(([, pattern]) => new RegExp(pattern.source, pattern.flags).test(sample)), sample).toBe(true);
    // Nor do they mistake the code colour classes for keys.
    expect(SECRETS.some(([, pattern]) => new RegExp(pattern.source, pattern.flags).test('sk-dark-text-decoration-underline-line-through'))).toBe(false);
  });

  it('no source maps and no dotfiles', () => {
    const names = files.map((file) => relative(distDir, file));
    expect(names.filter((name) => name.endsWith('.map'))).toEqual([]);
    expect(names.filter((name) => name.split('/').some((part) => part.startsWith('.')))).toEqual([]);
    expect(files.filter((file) => /sourceMappingURL=/.test(textOf(file))).map((file) => basename(file))).toEqual([]);
  });
});

describe('links that leave the site', () => {
  it('every one has rel="noopener noreferrer", whatever wrote it', () => {
    const missing: string[] = [];
    let external = 0;
    for (const path of htmlPages()) {
      const $ = page(path);
      $('a[href], area[href]').each((_, el) => {
        const href = $(el).attr('href')!;
        let url: URL;
        try {
          url = new URL(href, SITE + path);
        } catch {
          return;
        }
        if (!/^https?:$/.test(url.protocol) || url.origin === SITE) return;
        external++;
        const rel = ($(el).attr('rel') ?? '').split(/\s+/);
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) missing.push(`${path}: ${href}`);
      });
    }
    expect(external).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('no link, form or frame points at a javascript: or data: URL', () => {
    const bad: string[] = [];
    for (const path of htmlPages()) {
      const $ = page(path);
      $('[href], [src], [action], [formaction]').each((_, el) => {
        for (const name of ['href', 'src', 'action', 'formaction']) {
          const value = ($(el).attr(name) ?? '').replace(/[\u0000-\u0020]/g, '');
          if (/^(?:javascript|vbscript|data):/i.test(value) && !(name === 'src' && /^data:image\//i.test(value))) bad.push(`${path}: <${el.tagName} ${name}="${value.slice(0, 40)}">`);
        }
      });
    }
    expect(bad).toEqual([]);
  });
});
