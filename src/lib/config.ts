/**
 * Build settings read from the environment, shared by astro.config.mjs and the content config:
 * CONFNOTES_CONTENT is the content root (default "content"), CONFNOTES_BASE the sub-path to deploy under
 * (default "/"), CONFNOTES_SITE the absolute origin used for canonical and alternate links.
 */
export const contentRoot = (env: Record<string, string | undefined> = process.env): string =>
  (env.CONFNOTES_CONTENT ?? 'content').replace(/\/+$/, '') || 'content';

export function basePath(env: Record<string, string | undefined> = process.env): string {
  const raw = (env.CONFNOTES_BASE ?? '/').trim();
  const inner = raw.replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}

export const siteUrl = (env: Record<string, string | undefined> = process.env): string =>
  env.CONFNOTES_SITE ?? 'https://confnotes.example';
