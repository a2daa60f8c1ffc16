/**
 * The coreos-vagrant guide's form (src/lib/guide-config.ts): with the notes' values it reproduces the guide byte for
 * byte (so the page without JS and the page after "reset" agree), bad values become errors and never files, and
 * every field reaches every snippet that uses it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NOTES_INPUT,
  TEMPLATES,
  parseChangeDiff,
  parseMirror,
  renderAll,
  rubyString,
  validate,
  type FormInput,
  type TemplateId,
} from '../../src/lib/guide-config.ts';
import { projectRoot } from '../support/build.ts';
import { guideOriginals, markdownTemplates } from '../support/guide.ts';

const originals = guideOriginals();
const input = (changes: Partial<FormInput>): FormInput => ({ ...NOTES_INPUT, ...changes });

describe('the notes\' values reproduce the guide', () => {
  const { rendered, blocked, errors } = renderAll(NOTES_INPUT, originals);

  it('validate the notes\' values without an error', () => {
    expect(errors).toEqual({});
    expect(blocked).toEqual([]);
  });

  it.each(['zh', 'en'])('every template in %s.md is marked and renders to exactly what the page shows', (lang) => {
    const marked = markdownTemplates(lang);
    expect(Object.keys(marked).sort()).toEqual(Object.keys(TEMPLATES).sort());
    for (const [id, text] of Object.entries(marked)) {
      expect(rendered[id as TemplateId]?.text, id).toBe(text);
    }
  });

  it('renders every embedded file byte for byte', () => {
    for (const [id, text] of Object.entries(originals)) expect(rendered[id as TemplateId]?.text, id).toBe(text);
    expect(rendered['box-metadata']?.fileName).toBe('coreos_production_vagrant.json');
  });
});

describe('validation', () => {
  it.each<[Partial<FormInput>, string, string]>([
    [{ instances: '0' }, 'instances', 'instancesMin'],
    [{ instances: '155' }, 'instances', 'instancesMax'],
    [{ instances: '2.5' }, 'instances', 'instances'],
    [{ instances: '' }, 'instances', 'required'],
    [{ version: '717.3' }, 'version', 'version'],
    [{ version: 'current' }, 'version', 'version'],
    [{ version: '717.03.0' }, 'version', 'version'],
    [{ mirror: 'ftp://example.com/' }, 'mirror', 'mirror'],
    [{ mirror: 'localhost:8080' }, 'mirror', 'mirror'],
    [{ mirror: 'boxes/coreos' }, 'mirror', 'mirror'],
    [{ mirror: 'http://localhost:8080/?x=1' }, 'mirror', 'mirror'],
    [{ mirror: 'http:// spaced.example/' }, 'mirror', 'mirror'],
    [{ token: 'fe81755687323aae273dc5f111eb059' }, 'token', 'token'],
    [{ token: 'FE81755687323AAE273DC5F111EB059A' }, 'token', 'token'],
    [{ token: 'ge81755687323aae273dc5f111eb059a' }, 'token', 'token'],
    [{ checksum: '99dcd74c' }, 'checksum', 'checksum'],
    [{ version: '766.3.0' }, 'checksum', 'checksumOtherBox'],
    [{ flavor: 'flatcar' }, 'checksum', 'checksumOtherBox'],
    [{ channel: 'beta' }, 'checksum', 'checksumOtherBox'],
    [{ naming: 'fixed' }, 'naming', 'duplicateNames'],
    [{ naming: 'fixed', instances: '1', memberName: 'core 01' }, 'memberName', 'memberName'],
    [{ channel: 'edge' }, 'channel', 'choice'],
    [{ flavor: 'fedora-coreos' }, 'flavor', 'choice'],
  ])('%o is an error on %s (%s)', (changes, field, code) => {
    expect(validate(input(changes)).errors).toMatchObject({ [field]: code });
  });

  it('accepts a pasted discovery URL, upper-case checksums, folders and surrounding spaces', () => {
    const { values, errors } = validate(
      input({ token: ' https://discovery.etcd.io/0123456789abcdef0123456789abcdef ', checksum: 'A'.repeat(64), version: '2512.3.0', mirror: 'C:\\Boxes\\coreos' }),
    );
    expect(errors).toEqual({});
    expect(values.token).toBe('0123456789abcdef0123456789abcdef');
    expect(values.checksum).toBe('a'.repeat(64));
    expect(values.mirror).toEqual({ kind: 'path', base: 'C:\\Boxes\\coreos\\' });
  });

  it('one fixed name is fine for a single machine', () => {
    expect(validate(input({ naming: 'fixed', instances: '1' })).errors).toEqual({});
  });

  it('parses mirrors into a folder base', () => {
    expect(parseMirror('http://localhost:8080')).toMatchObject({ kind: 'http', base: 'http://localhost:8080/', hostname: 'localhost', port: 8080 });
    expect(parseMirror('https://mirror.example.com/coreos')).toMatchObject({ base: 'https://mirror.example.com/coreos/', port: 443, secure: true });
    expect(parseMirror('/srv/coreos')).toEqual({ kind: 'path', base: '/srv/coreos/' });
    expect(parseMirror('/srv/coreos/')).toEqual({ kind: 'path', base: '/srv/coreos/' });
    expect(parseMirror('~/coreos')).toBeUndefined();
  });
});

describe('rendering', () => {
  const render = (changes: Partial<FormInput>) => renderAll(input(changes), originals);

  it('a bad value blocks exactly the snippets that read it and leaves the others rendered', () => {
    const result = render({ instances: '0' });
    expect(result.blocked.sort()).toEqual(['cluster-user-data', 'config-rb', 'discovery']);
    expect(result.rendered['config-rb']).toBeUndefined();
    expect(result.rendered['box-metadata']?.text).toBe(originals['box-metadata']);
  });

  it('the cluster size reaches config.rb and the discovery request (quoted for zsh when it carries ?size=)', () => {
    const { rendered } = render({ instances: '5' });
    expect(rendered['config-rb']?.text).toBe('# Size of the CoreOS cluster created by Vagrant\n$num_instances=5\n');
    expect(rendered.discovery?.text).toBe("$ curl 'https://discovery.etcd.io/new?size=5'\nhttps://discovery.etcd.io/fe81755687323aae273dc5f111eb059a\n");
  });

  it('the token reaches user-data and the discovery output', () => {
    const token = '0123456789abcdef0123456789abcdef';
    const { rendered } = render({ token });
    expect(rendered['cluster-user-data']?.text).toContain(`\n    discovery: https://discovery.etcd.io/${token}\n`);
    expect(rendered['cluster-user-data']?.text).not.toContain('fe81755687323aae273dc5f111eb059a');
    expect(rendered.discovery?.text).toContain(`https://discovery.etcd.io/${token}\n`);
  });

  it('member naming: none, each private IP, or one fixed name for one machine, right under etcd2:', () => {
    expect(render({}).rendered['cluster-user-data']?.text).not.toMatch(/^\s+name: /m);
    expect(render({ naming: 'private-ip' }).rendered['cluster-user-data']?.text).toContain('  etcd2:\n    name: $private_ipv4\n');
    expect(render({ naming: 'fixed', instances: '1', memberName: 'solo' }).rendered['cluster-user-data']?.text).toContain('  etcd2:\n    name: solo\n');
  });

  it('the mirror reaches the JSON, the Vagrantfile and the servers', () => {
    const { rendered } = render({ mirror: 'http://192.168.1.20:9000/coreos' });
    expect(JSON.parse(rendered['box-metadata']!.text).versions[0].providers[0].url).toBe('http://192.168.1.20:9000/coreos/coreos_production_vagrant.box');
    expect(rendered['vagrantfile-diff']?.text).toContain('<   config.vm.box_url = "http://192.168.1.20:9000/coreos/coreos_production_vagrant.json"\n');
    expect(rendered['serve-python2']?.text).toBe('$ python -m SimpleHTTPServer 9000\n');
    expect(rendered['serve-python3']?.text).toBe('$ python3 -m http.server 9000 --bind 192.168.1.20\n');
    expect(rendered.fileserver?.text).toContain('http.ListenAndServe("192.168.1.20:9000", ');
  });

  it('a local folder works without a server: paths in JSON and Ruby, escaped', () => {
    const { rendered } = render({ mirror: 'C:\\Vagrant "boxes"\\#{x}' });
    expect(JSON.parse(rendered['box-metadata']!.text).versions[0].providers[0].url).toBe('C:\\Vagrant "boxes"\\#{x}\\coreos_production_vagrant.box');
    expect(rendered['vagrantfile-diff']?.text).toContain(`<   config.vm.box_url = ${rubyString('C:\\Vagrant "boxes"\\#{x}\\coreos_production_vagrant.json')}\n`);
    expect(rubyString('C:\\a"#{b}')).toBe('"C:\\\\a\\"\\#{b}"');
  });

  it('the Flatcar switch changes URLs, box name, file names and the box line of the Vagrantfile', () => {
    const checksum = 'ab'.repeat(32);
    const { rendered, errors } = render({ flavor: 'flatcar', version: '4081.2.0', checksum });
    expect(errors).toEqual({});
    expect(rendered.download?.text).toBe(
      '$ curl -O https://stable.release.flatcar-linux.net/amd64-usr/4081.2.0/flatcar_production_vagrant.box\n' +
        '$ curl -O https://stable.release.flatcar-linux.net/amd64-usr/4081.2.0/flatcar_production_vagrant.json\n',
    );
    const metadata = JSON.parse(rendered['box-metadata']!.text);
    expect(metadata).toMatchObject({ name: 'flatcar-stable', versions: [{ version: '4081.2.0', providers: [{ url: 'http://localhost:8080/flatcar_production_vagrant.box', checksum }] }] });
    expect(rendered['box-metadata']?.fileName).toBe('flatcar_production_vagrant.json');
    const hunks = parseChangeDiff(rendered['vagrantfile-diff']!.text);
    expect(hunks.map((hunk) => hunk.from)).toEqual([14, 51, 55]);
    expect(hunks[1].new).toEqual(['  config.vm.box = "flatcar-%s" % $update_channel']);
  });

  it('an unchanged channel line drops out of the diff, as `diff` would print it', () => {
    const { rendered } = render({ channel: 'alpha', checksum: 'cd'.repeat(32) });
    expect(rendered['vagrantfile-diff']?.text.split('\n')[0]).toBe('15c15');
  });
});

describe('the embedded files are the ones FACTS.md describes', () => {
  const file = (path: string) => readFileSync(join(projectRoot, 'content/guides/coreos-vagrant/files', path), 'utf8');

  it('config.rb is config.rb.sample with $num_instances=3 (no spaces around =)', () => {
    expect(file('config.rb')).toBe('# Size of the CoreOS cluster created by Vagrant\n$num_instances=3\n');
  });

  it('the single-node user-data adds name: core-01 under etcd2 (four spaces) and the cluster one drops it', () => {
    expect(file('single/user-data')).toContain('  etcd2:\n    name: core-01\n    #generate a new token for each unique cluster from https://discovery.etcd.io/new\n    #discovery: https://discovery.etcd.io/<token>\n');
    expect(file('cluster/user-data')).not.toContain('name: core-01');
    // Apart from the name and the discovery line, both are the same sample.
    const strip = (text: string) => text.replace(/^ {4}(name|discovery): .*\n/gm, '');
    expect(strip(file('single/user-data'))).toBe(strip(file('cluster/user-data')));
  });

  it('etcd.service is commented out and etcd2.service started, fleet and docker-tcp.socket kept', () => {
    for (const path of ['single/user-data', 'cluster/user-data']) {
      const text = file(path);
      expect(text).toContain('    #- name: etcd.service\n    #  command: start\n');
      expect(text).toContain('    - name: etcd2.service\n      command: start\n');
      expect(text).toContain('    - name: fleet.service\n');
      expect(text).toContain('    - name: docker-tcp.socket\n');
    }
  });
});
