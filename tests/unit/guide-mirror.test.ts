/**
 * The guide's mirror flow end to end, minus VirtualBox: the form renders the box metadata and the file servers for a
 * mirror on 127.0.0.1; the guide's Python 3 server (`python3 -m http.server`) serves a folder with a dummy box and
 * that JSON; we fetch the JSON through it, follow its `url` as Vagrant does, and check the box's sha256 against the
 * JSON's checksum. The Go server is checked as source (gofmt's parser, the address it listens on, the folder it
 * serves): the suite needs no Go toolchain. A local-folder mirror needs no server at all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sessionCommands } from '../../src/lib/console.ts';
import { boxSource, renderAll, type FormInput } from '../../src/lib/guide-config.ts';
import { NOTES, guideOriginals } from '../support/guide.ts';
import { formatGo } from '../support/parsers.ts';

const work = mkdtempSync(join(tmpdir(), 'confnotes-mirror-'));
const started: ChildProcess[] = [];
afterEach(async () => {
  // Each server runs in its own process group, stopped by its id.
  for (const child of started.splice(0)) {
    if (!child.pid || child.exitCode !== null || child.signalCode !== null) continue;
    const exited = once(child, 'exit');
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A folder with a dummy box, and the form's output for it: metadata JSON, Go server, Python command. */
function mirrorFolder(name: string, changes: Partial<FormInput>) {
  const dir = mkdtempSync(join(work, `${name}-`));
  const box = randomBytes(300_000);
  const input = { ...NOTES, ...changes, checksum: sha256(box) };
  const { rendered, errors } = renderAll(input, guideOriginals());
  expect(errors).toEqual({});
  const source = boxSource(input.flavor as 'coreos-2015' | 'flatcar', input.channel as 'stable', input.version);
  writeFileSync(join(dir, source.boxFile), box);
  writeFileSync(join(dir, rendered['box-metadata']!.fileName!), rendered['box-metadata']!.text);
  writeFileSync(join(dir, 'fileserver.go'), rendered.fileserver!.text);
  return { dir, box, source, rendered };
}

/** Polls until the server answers; a server that dies first fails the test with its output. */
async function fetchWhenUp(url: string, child: ChildProcess, output: () => string): Promise<Response> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`no answer from ${url}:\n${output()}`);
}

function start(command: string, args: string[], cwd: string) {
  const child = spawn(command, args, {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

/** What Vagrant does with box_url: read the metadata, follow the provider's url, verify the checksum. */
async function vagrantFetch(jsonUrl: string, server: ReturnType<typeof start>, expectedJson: string, box: Buffer) {
  const response = await fetchWhenUp(jsonUrl, server.child, server.output);
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text).toBe(expectedJson);
  const provider = JSON.parse(text).versions[0].providers[0];
  const boxResponse = await fetch(provider.url);
  expect(boxResponse.status).toBe(200);
  const bytes = new Uint8Array(await boxResponse.arrayBuffer());
  expect(bytes.length).toBe(box.length);
  expect(provider.checksum_type).toBe('sha256');
  expect(sha256(bytes)).toBe(provider.checksum);
}

describe.each([
  { flavor: 'coreos-2015', channel: 'stable', version: '717.3.0' },
  { flavor: 'flatcar', channel: 'beta', version: '4152.1.0' },
])('mirror for $flavor', (box) => {
  it('the Go file server is valid, gofmt-clean Go that serves its own folder (the JSON and box) where the form says', async () => {
    const port = await freePort();
    const mirror = `http://127.0.0.1:${port}/`;
    const folder = mirrorFolder('go', { ...box, mirror });
    const source = folder.rendered.fileserver!.text;
    expect(formatGo(source)).toBe(source);
    expect(source).toContain(`\tlog.Fatal(http.ListenAndServe("127.0.0.1:${port}", http.FileServer(http.Dir("./"))))\n`);
    expect(readdirSync(folder.dir).sort()).toEqual([folder.source.boxFile, folder.source.jsonFile, 'fileserver.go'].sort());
  });

  it('python3 -m http.server, as the form writes the command, does the same', async () => {
    const port = await freePort();
    const mirror = `http://127.0.0.1:${port}/`;
    const folder = mirrorFolder('python', { ...box, mirror });
    const [command] = sessionCommands(folder.rendered['serve-python3']!.text);
    expect(command).toBe(`python3 -m http.server ${port} --bind 127.0.0.1`);
    const [program, ...args] = command.split(' ');
    const server = start(program, args, folder.dir);
    await vagrantFetch(`${mirror}${folder.source.jsonFile}`, server, folder.rendered['box-metadata']!.text, folder.box);
  });

  it('a local folder as the mirror needs no server: the JSON points at the box on disk', () => {
    const dir = mkdtempSync(join(work, 'folder-'));
    const folder = mirrorFolder('folder', { ...box, mirror: dir });
    // The JSON was written into a folder of its own; the mirror folder gets the same box and JSON.
    writeFileSync(join(dir, folder.source.boxFile), folder.box);
    const provider = JSON.parse(folder.rendered['box-metadata']!.text).versions[0].providers[0];
    expect(provider.url).toBe(join(dir, folder.source.boxFile));
    expect(sha256(readFileSync(provider.url))).toBe(provider.checksum);
    expect(folder.rendered['vagrantfile-diff']!.text).toContain(`<   config.vm.box_url = "${join(dir, folder.source.jsonFile)}"\n`);
  });
});
