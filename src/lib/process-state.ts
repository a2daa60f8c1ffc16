/**
 * State shared by every copy of a module in this process. Astro loads our integrations with astro.config.mjs, while
 * src/content.config.ts (with the loaders it imports) and the pages are loaded through Vite: each loading has its own
 * copy of a module, so a module variable is not shared between an integration and a page or loader. All of it runs in
 * one process, so `globalThis` is, and `Symbol.for(name)` gives every copy the same key.
 */
export function processState<T>(name: string, create: () => T): T {
  const key = Symbol.for(`confnotes.${name}`);
  const scope = globalThis as typeof globalThis & { [key: symbol]: T | undefined };
  return (scope[key] ??= create());
}
