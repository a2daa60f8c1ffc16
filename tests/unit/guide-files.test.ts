/**
 * Every file and command the coreos-vagrant guide shows, with the notes' values and with a generated sample of other
 * valid values, checked by a real parser for its language: JSON (Vagrant box metadata), YAML (cloud-config with
 * etcd2), Ruby (Prism, the parser Ruby ships, and the edited Vagrantfile lines evaluated from its tree), Go (gofmt
 * as WebAssembly: parses and is already formatted), the Vagrantfile diff against `diff` itself and the verified
 * facts' Vagrantfile lines (test data in tests/data/), and the shell commands through bash. Ruby and Go
 * need nothing beyond `npm ci` (tests/support/parsers.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { sessionCommands } from '../../src/lib/console.ts';
import { boxSource, mirrorLocation, parseChangeDiff, renderAll, validate, VAGRANTFILE_BOX_LINE, type FormInput, type GuideValues, type Rendered, type TemplateId } from '../../src/lib/guide-config.ts';
import { NOTES, factsVagrantfileLines, guideDir, guideOriginals, sampleInputs } from '../support/guide.ts';
import { evaluateRuby, formatGo, rubySyntaxErrors } from '../support/parsers.ts';

const work = mkdtempSync(join(tmpdir(), 'confnotes-guide-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const originals = guideOriginals();
const cases: Array<{ name: string; input: FormInput }> = [
  { name: 'notes', input: NOTES },
  ...sampleInputs(24).map((input, index) => ({ name: `sample ${index}`, input })),
];
const renderCase = (input: FormInput) => {
  const result = renderAll(input, originals);
  expect(result.errors).toEqual({});
  return { values: validate(input).values as GuideValues, rendered: result.rendered as Record<TemplateId, Rendered> };
};

const run = (command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) =>
  spawnSync(command, args, { encoding: 'utf8', ...options, env: { ...process.env, ...options.env } });

describe('tools are installed (part of every Debian system)', () => {
  it.each(['diff', 'bash'])('%s', (tool) => {
    expect(run('sh', ['-c', `command -v ${tool}`]).status).toBe(0);
  });
});

describe.each(cases)('$name', ({ name, input }) => {
  const { values, rendered } = renderCase(input);
  const box = boxSource(values.flavor, values.channel, values.version);
  const dir = join(work, name.replace(/\W+/g, '-'));
  mkdirSync(dir, { recursive: true });

  it('box metadata JSON has the Vagrant shape with a sha256 of 64 hex digits', () => {
    const metadata = JSON.parse(rendered['box-metadata'].text);
    expect(Object.keys(metadata)).toEqual(['name', 'description', 'versions']);
    expect(metadata.name).toBe(box.boxName);
    expect(typeof metadata.description).toBe('string');
    expect(metadata.versions).toHaveLength(1);
    const [release] = metadata.versions;
    expect(release.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(release.version).toBe(values.version);
    expect(release.providers).toHaveLength(1);
    const [provider] = release.providers;
    expect(Object.keys(provider).sort()).toEqual(['checksum', 'checksum_type', 'name', 'url']);
    expect(provider).toMatchObject({ name: 'virtualbox', checksum_type: 'sha256', url: mirrorLocation(values.mirror, box.boxFile) });
    expect(provider.checksum).toMatch(/^[0-9a-f]{64}$/);
    if (values.mirror.kind === 'http') expect(new URL(provider.url).href).toBe(provider.url);
    expect(rendered['box-metadata'].fileName).toBe(box.jsonFile);
  });

  it('cluster user-data is #cloud-config YAML with the etcd2 keys and a unique name on every member', () => {
    const text = rendered['cluster-user-data'].text;
    expect(text.startsWith('#cloud-config\n')).toBe(true);
    const config = parseYaml(text);
    const etcd2 = config.coreos.etcd2;
    for (const key of ['advertise-client-urls', 'initial-advertise-peer-urls', 'listen-client-urls', 'listen-peer-urls']) expect(typeof etcd2[key]).toBe('string');
    expect(etcd2.discovery).toBe(`https://discovery.etcd.io/${values.token}`);
    const units = config.coreos.units.map((unit: { name: string }) => unit.name);
    expect(units).toContain('etcd2.service');
    expect(units).not.toContain('etcd.service');
    // What each machine runs: cloudinit puts the machine's IP for $private_ipv4; without a name etcd2 takes the machine ID.
    const names = Array.from({ length: values.instances }, (_, i) => {
      const machine = parseYaml(text.replaceAll('$private_ipv4', `172.17.8.${101 + i}`).replaceAll('$public_ipv4', `172.17.8.${101 + i}`));
      return machine.coreos.etcd2.name ?? `machine-id-${i}`;
    });
    expect(new Set(names).size).toBe(values.instances);
  });

  it('config.rb is valid Ruby that sets $num_instances', async () => {
    const source = rendered['config-rb'].text;
    expect(await rubySyntaxErrors(source)).toEqual([]);
    expect((await evaluateRuby(source)).$num_instances).toBe(values.instances);
  });

  it('the Vagrantfile diff is what `diff` prints, its ">" lines are the facts\' and its "<" lines are Ruby that means what the form says', async () => {
    const diff = rendered['vagrantfile-diff'].text;
    const hunks = parseChangeDiff(diff);
    const facts = factsVagrantfileLines();
    expect([...facts.keys()]).toEqual([14, 15, 55]);
    const known = new Map([...facts, [VAGRANTFILE_BOX_LINE.number, VAGRANTFILE_BOX_LINE.text]]);
    for (const hunk of hunks) hunk.old.forEach((line, offset) => expect(line).toBe(known.get(hunk.from + offset)));
    // Line 51 only changes for Flatcar; everything else the diff quotes is the facts' text verbatim.
    expect(hunks.some((hunk) => hunk.from <= 51 && hunk.to >= 51)).toBe(values.flavor === 'flatcar');

    // A stand-in Vagrantfile with the real lines at their numbers: `diff` must print exactly this diff.
    const original = Array.from({ length: 130 }, (_, i) => known.get(i + 1) ?? `# line ${i + 1}`);
    const edited = [...original];
    for (const hunk of hunks) hunk.new.forEach((line, offset) => (edited[hunk.from + offset - 1] = line));
    writeFileSync(join(dir, 'Vagrantfile.bak'), `${original.join('\n')}\n`);
    writeFileSync(join(dir, 'Vagrantfile'), `${edited.join('\n')}\n`);
    const real = run('diff', ['Vagrantfile', 'Vagrantfile.bak'], { cwd: dir });
    expect(real.status).toBe(1);
    expect(real.stdout).toBe(diff);

    // The edited lines, evaluated from Prism's tree against a stub `config`, give the channel, version, box name and
    // URL: a quote, backslash or `#{` the form failed to escape would change the value or the tree.
    const program = `${[14, 15, 51, 55].map((n) => edited[n - 1]).join('\n')}\n`;
    expect(await rubySyntaxErrors(program)).toEqual([]);
    const evaluated = await evaluateRuby(program, { config: { vm: { box: '', box_url: '' } } });
    expect([evaluated.$update_channel, evaluated.$image_version, evaluated.config]).toEqual([
      values.channel,
      values.version,
      { vm: { box: box.boxName, box_url: mirrorLocation(values.mirror, box.jsonFile) } },
    ]);
  });

  it('the shell commands are valid bash and pass the intended arguments, even with failglob (as zsh behaves)', () => {
    const stubs = 'curl() { printf "%s\\n" "$@"; }; python() { printf "%s\\n" "$@"; }; python3() { printf "%s\\n" "$@"; }';
    const argv = (id: TemplateId) => {
      const [command, ...more] = sessionCommands(rendered[id].text);
      expect(more.length === 0 || id === 'download').toBe(true);
      const result = run('bash', ['-O', 'failglob', '-c', `${stubs}\n${command}`], { cwd: dir });
      expect(result.stderr).toBe('');
      return result.stdout.split('\n').slice(0, -1);
    };
    const download = sessionCommands(rendered.download.text).map((command) => run('bash', ['-O', 'failglob', '-c', `${stubs}\n${command}`], { cwd: dir }).stdout);
    expect(download).toEqual([`-O\n${box.releaseBase}${box.boxFile}\n`, `-O\n${box.releaseBase}${box.jsonFile}\n`]);
    expect(argv('discovery')).toEqual([values.instances === 3 ? 'https://discovery.etcd.io/new' : `https://discovery.etcd.io/new?size=${values.instances}`]);
    const port = values.mirror.kind === 'http' && !values.mirror.secure ? String(values.mirror.port) : '8080';
    expect(argv('serve-python2')).toEqual(['-m', 'SimpleHTTPServer', port]);
    expect(argv('serve-python3').slice(0, 3)).toEqual(['-m', 'http.server', port]);
  });

  it('fileserver.go parses as Go, is gofmt-clean and serves this folder where the form says', () => {
    const source = rendered.fileserver.text;
    expect(formatGo(source)).toBe(source);
    const call = source.match(/^\tlog\.Fatal\(http\.ListenAndServe\("([^"\\]*)", http\.FileServer\(http\.Dir\("\.\/"\)\)\)\)$/m);
    expect(call, source).not.toBeNull();
    // Go's net.SplitHostPort: the port after the last colon, an IPv6 host in brackets, an empty host = every interface.
    const [, host, port] = call![1].match(/^(|[\d.]+|\[[\da-f:]+\]):(\d+)$/)!;
    const mirror = values.mirror;
    const local = mirror.kind === 'http' && !mirror.secure ? mirror : undefined;
    expect(Number(port)).toBe(local ? local.port : 8080);
    if (host) expect(local?.hostname).toBe(host);
  });
});

describe('the single-node user-data (not rewritten by the form)', () => {
  it('is #cloud-config with etcd2 and the name the notes gave it', () => {
    const text = readFileSync(join(guideDir, 'files/single/user-data'), 'utf8');
    expect(text.startsWith('#cloud-config\n')).toBe(true);
    const config = parseYaml(text);
    expect(config.coreos.etcd2.name).toBe('core-01');
    expect(config.coreos.etcd2.discovery).toBeUndefined();
    expect(config.coreos.units.map((unit: { name: string }) => unit.name)).toEqual(['etcd2.service', 'fleet.service', 'docker-tcp.socket']);
  });
});
