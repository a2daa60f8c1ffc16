/**
 * The collections' loader: entries come from what the content check already read and parsed (src/lib/content-snapshot.ts),
 * so no content file is read or parsed a second time in a build. When no check offered them (a second sync in the
 * same process), the loader reads its own files from the disk through the same reader as the check
 * (`readContent` with its kinds), not through a second implementation.
 *
 * What it stores is what Astro's glob() and file() loaders stored before: the same ids (content-layout.ts `entryId`),
 * data validated by the collection's schema, and for Markdown the body (trimmed, as Astro's Markdown entry type
 * trims it), the file path relative to the project root, a digest of the text, and the HTML rendered by Astro's own
 * Markdown entry type, which runs the unified pipeline set in astro.config.mjs with the front matter as
 * `remarkPluginFrontmatter` starts. Under `astro dev` a changed, added or removed file updates its entry.
 */
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentEntryRenderFunction, ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatError, readContent, readContentFile, type RawEntry } from './content-check.ts';
import { COLLECTION_FILES, entryId, TAGS_FILE, type Kind } from './content-layout.ts';
import { readInsideRoot } from './content-files.ts';
import { embeddedFiles } from './embed.ts';
import { takeSnapshot } from './content-snapshot.ts';

export type CollectionName = keyof typeof COLLECTION_FILES | 'tags';

const kindOf = (collection: CollectionName): Kind => (collection === 'tags' ? 'tags' : COLLECTION_FILES[collection].kind);

/** The path of an entry's file inside its collection's section folder, as the glob loader saw it. */
const pathInSection = (absRoot: string, collection: CollectionName, path: string): string =>
  relative(resolve(absRoot, collection === 'tags' ? '.' : COLLECTION_FILES[collection].base), path).split(sep).join('/');

/**
 * Astro's Markdown entry type, which glob() renders with. The loader context carries the entry types at run time
 * (glob() reads them there) though its public type does not list them; Astro is pinned to an exact version.
 */
type WithEntryTypes = LoaderContext & { entryTypes?: Map<string, ContentEntryType> };
type AssetImports = { addAssetImports(assets: string[], filePath: string): void };

/** One renderer for every Markdown collection: creating it loads the highlighter, which glob() did once per collection. */
let markdownRenderer: Promise<ContentEntryRenderFunction> | undefined;
function renderer(context: WithEntryTypes): Promise<ContentEntryRenderFunction> {
  const markdown = context.entryTypes?.get('.md');
  if (!markdown?.getRenderFunction) throw new Error('confnotes content loader: Astro gave no Markdown entry type to render with');
  return (markdownRenderer ??= markdown.getRenderFunction(context.config));
}

/**
 * What an entry's digest is taken over: its file's text, and for Markdown that embeds files (```lang file="…"```,
 * src/lib/embed.ts) each embedded file's path and bytes too, since they are part of the rendered HTML. Without them a
 * build with the cache in place kept the HTML rendered from a file's old bytes after only that file changed. The
 * bytes come through the reader that keeps them (src/lib/content-files.ts): the check read them already.
 */
function digestInput(absRoot: string, entry: RawEntry): string {
  const text = entry.text ?? '';
  const embeds = entry.body === undefined ? [] : embeddedFiles(entry.body);
  if (embeds.length === 0) return text;
  const files = embeds.map(({ path }) => `${path}\u0000${createHash('sha256').update(readInsideRoot(absRoot, join(dirname(entry.path!), path))).digest('hex')}`);
  return [text, ...files].join('\u0000');
}

/** Entries of one collection: from the check's reading when it offered them, else read now. */
function entriesOf(absRoot: string, root: string, cwd: string, kind: Kind): RawEntry[] {
  const offered = takeSnapshot(absRoot, kind);
  if (offered) return offered;
  const content = readContent(root, cwd, new Set([kind]));
  const errors = [content.rootError, ...(content.fileErrors ?? []), ...content.entries.flatMap((entry) => [entry.error, ...(entry.problems ?? [])])].filter((error) => error !== undefined);
  if (errors.length > 0) throw new Error(errors.map((error) => `content error: ${formatError(error)}`).join('\n'));
  return content.entries;
}

/** A loader for one collection of the content root `root` (relative to the project root, as the check takes it). */
export function contentLoader(root: string, collection: CollectionName): Loader {
  const kind = kindOf(collection);
  return {
    name: 'confnotes-content',
    load: async (context) => {
      const { config, store, parseData, generateDigest, watcher, logger } = context;
      const cwd = fileURLToPath(config.root);
      const absRoot = resolve(cwd, root);
      const relativePath = (path: string) => relative(cwd, path).split(sep).join('/');
      const idByPath = new Map<string, string>();

      async function storeEntry(entry: RawEntry): Promise<void> {
        const path = entry.path!;
        if (kind === 'tags') {
          // As file() stores a list: one entry per item, keyed by its id, all pointing at tags.yaml.
          store.clear();
          for (const item of entry.data as Array<Record<string, unknown>>) {
            const id = String(item.id);
            store.set({ id, data: await parseData({ id, data: item, filePath: path }), filePath: relativePath(path) });
          }
          return;
        }
        const id = entryId(kind, pathInSection(absRoot, collection, path));
        const previousId = idByPath.get(path);
        if (previousId !== undefined && previousId !== id) store.delete(previousId);
        idByPath.set(path, id);
        const digest = generateDigest(digestInput(absRoot, entry));
        const existing = store.get(id);
        if (existing && existing.digest === digest && existing.filePath) {
          // Unchanged since the cached build: kept as it is, and its images made known to this build again, as
          // glob() does (the scoped store has addAssetImports at run time; its public type does not list it).
          if (existing.assetImports?.length) (store as typeof store & AssetImports).addAssetImports(existing.assetImports, existing.filePath);
          return;
        }
        const data = await parseData({ id, data: entry.data as Record<string, unknown>, filePath: path });
        if (entry.body === undefined) {
          store.set({ id, data, body: undefined, filePath: relativePath(path), digest });
          return;
        }
        const body = entry.body.trim();
        const render = await renderer(context as WithEntryTypes);
        const rendered = await render({ id, data: entry.data as Record<string, unknown>, body, filePath: path, digest });
        store.set({ id, data, body, filePath: relativePath(path), digest, rendered, assetImports: rendered.metadata?.imagePaths as string[] | undefined });
      }

      const untouched = new Set(store.keys());
      for (const entry of entriesOf(absRoot, root, cwd, kind)) {
        await storeEntry(entry);
        if (kind === 'tags') untouched.clear();
        else untouched.delete(idByPath.get(entry.path!)!);
      }
      for (const id of untouched) store.delete(id);

      if (!watcher) return;
      // `astro dev`: the changed file alone is read and parsed again, through the check's reader, and stored.
      watcher.add(kind === 'tags' ? resolve(absRoot, TAGS_FILE) : resolve(absRoot, COLLECTION_FILES[collection as keyof typeof COLLECTION_FILES].base));
      // A save that truncates the file and then writes it can be seen between the two (an empty review fails its
      // schema); the watcher may report the write in the same event, so a failed read is tried once more shortly
      // after, and only a second failure is reported. Without this the page kept its old text until the next save.
      const onChange = async (changed: string, attempt = 1): Promise<void> => {
        const retry = () => new Promise<void>((done) => setTimeout(() => done(onChange(changed, attempt + 1)), 200));
        const entry = readContentFile(root, changed, cwd, new Set([kind]));
        if (!entry) return;
        const problems = [entry.error, ...(entry.problems ?? [])].filter((problem) => problem !== undefined);
        if (problems.length > 0) {
          if (attempt === 1) return retry();
          for (const problem of problems) logger.error(`content error: ${formatError(problem)}`);
          return;
        }
        try {
          await storeEntry(entry);
          logger.info(`Reloaded ${relativePath(changed)}`);
        } catch (error) {
          if (attempt === 1) return retry();
          logger.error(`${relativePath(changed)}: ${(error as Error).message}`);
        }
      };
      const onChangeEvent = (changed: string) => void onChange(changed);
      watcher.on('change', onChangeEvent);
      watcher.on('add', onChangeEvent);
      watcher.on('unlink', (removed: string) => {
        const id = idByPath.get(removed);
        if (id === undefined) return;
        store.delete(id);
        idByPath.delete(removed);
      });
    },
  };
}
