/**
 * The coreos-vagrant guide's "adapt" form: validates what the reader types and rewrites every command and file the
 * guide shows with it. Pure: the build checks that the notes' values reproduce the guide byte for byte, and the
 * browser runs the same code when a field changes.
 *
 * Files are rewritten from their original text (the file under content/, or the block on the page), so the file on
 * disk stays the one source of truth; shell sessions are short and are rendered whole.
 *
 * Facts (../shared/FACTS.md, "The coreos-vagrant guide" and "What changed since"): the 2015 box lived at
 * http://<channel>.release.core-os.net/amd64-usr/<version>/coreos_production_vagrant.json and was named
 * coreos-<channel>; Flatcar serves https://<channel>.release.flatcar-linux.net/amd64-usr/<version>/
 * flatcar_production_vagrant.json with box name flatcar-<channel>; discovery.etcd.io/new without ?size= makes a
 * cluster of 3; every etcd member needs its own name; the Vagrantfile gives machine i the IP 172.17.8.(100+i).
 */

export const FIELDS = ['flavor', 'channel', 'version', 'checksum', 'mirror', 'instances', 'token', 'naming', 'memberName'] as const;
export type Field = (typeof FIELDS)[number];
/** The raw strings of the form, exactly as typed. */
export type FormInput = Record<Field, string>;

export const FLAVORS = ['coreos-2015', 'flatcar'] as const;
export type Flavor = (typeof FLAVORS)[number];
export const CHANNELS = ['alpha', 'beta', 'stable'] as const;
export type Channel = (typeof CHANNELS)[number];
/** How etcd members get their names: left to etcd (machine ID), the machine's private IP, or one fixed name. */
export const NAMINGS = ['machine-id', 'private-ip', 'fixed'] as const;
export type Naming = (typeof NAMINGS)[number];

export type Mirror =
  | { kind: 'http'; base: string; hostname: string; port: number; secure: boolean }
  | { kind: 'path'; base: string };

export interface GuideValues {
  flavor: Flavor;
  channel: Channel;
  version: string;
  checksum: string;
  mirror: Mirror;
  instances: number;
  token: string;
  naming: Naming;
  memberName: string;
}

export type ErrorCode =
  | 'required'
  | 'choice'
  | 'version'
  | 'checksum'
  | 'checksumOtherBox'
  | 'mirror'
  | 'instances'
  | 'instancesMin'
  | 'instancesMax'
  | 'token'
  | 'duplicateNames'
  | 'memberName';

/** The values the notes used; the page is built with them, so without JS it shows exactly these. */
export const NOTES_INPUT: FormInput = {
  flavor: 'coreos-2015',
  channel: 'stable',
  version: '717.3.0',
  checksum: '99dcd74c7cae8b1d90f108f8819f92b17bfbd34f4f141325bd0400fe4def55b6',
  mirror: 'http://localhost:8080/',
  instances: '3',
  token: 'fe81755687323aae273dc5f111eb059a',
  naming: 'machine-id',
  memberName: 'core-01',
};

/** Machine i gets 172.17.8.(100+i) (Vagrantfile line 123), so the last address, .254, caps the cluster. */
export const MAX_INSTANCES = 154;
/** discovery.etcd.io/new without ?size= creates a cluster of this size. */
export const DEFAULT_DISCOVERY_SIZE = 3;

const VERSION = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/;
const HEX64 = /^[0-9a-fA-F]{64}$/;
const TOKEN = /^[0-9a-f]{32}$/;
const MEMBER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

export interface Validation {
  /** Values of the fields that are valid; a field with an error has none. */
  values: Partial<GuideValues>;
  errors: Partial<Record<Field, ErrorCode>>;
}

const oneOf = <T extends string>(choices: readonly T[], raw: string): T | undefined => choices.find((choice) => choice === raw);

/** An http(s) URL of a folder, or an absolute local folder path (POSIX, or a Windows drive path). */
export function parseMirror(raw: string): Mirror | undefined {
  const text = raw.trim();
  if (/^https?:\/\//i.test(text)) {
    if (/[?#\s]/.test(text)) return undefined;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return undefined;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return undefined;
    const secure = url.protocol === 'https:';
    const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
    return { kind: 'http', base, hostname: url.hostname, port: url.port ? Number(url.port) : secure ? 443 : 80, secure };
  }
  // Control characters never belong in a path someone types; quotes and backslashes are escaped where they land.
  if (/[\u0000-\u001f\u007f]/.test(text)) return undefined;
  const windows = /^[A-Za-z]:[\\/]/.test(text);
  if (!windows && !text.startsWith('/')) return undefined;
  const separator = windows && text.includes('\\') ? '\\' : '/';
  return { kind: 'path', base: /[\\/]$/.test(text) ? text : `${text}${separator}` };
}

/** Checks every field; cross-field rules put their error on the field the reader should change. */
export function validate(input: FormInput): Validation {
  const values: Partial<GuideValues> = {};
  const errors: Partial<Record<Field, ErrorCode>> = {};
  const raw = (field: Field) => (input[field] ?? '').trim();

  const flavor = oneOf(FLAVORS, raw('flavor'));
  if (flavor) values.flavor = flavor;
  else errors.flavor = 'choice';

  const channel = oneOf(CHANNELS, raw('channel'));
  if (channel) values.channel = channel;
  else errors.channel = 'choice';

  if (!raw('version')) errors.version = 'required';
  else if (VERSION.test(raw('version'))) values.version = raw('version');
  else errors.version = 'version';

  if (!raw('checksum')) errors.checksum = 'required';
  else if (!HEX64.test(raw('checksum'))) errors.checksum = 'checksum';
  else {
    const checksum = raw('checksum').toLowerCase();
    // The notes' checksum is that of one box; paired with any other box it would make Vagrant reject the download.
    const otherBox = raw('flavor') !== NOTES_INPUT.flavor || raw('channel') !== NOTES_INPUT.channel || raw('version') !== NOTES_INPUT.version;
    if (otherBox && checksum === NOTES_INPUT.checksum) errors.checksum = 'checksumOtherBox';
    else values.checksum = checksum;
  }

  if (!raw('mirror')) errors.mirror = 'required';
  else {
    const mirror = parseMirror(raw('mirror'));
    if (mirror) values.mirror = mirror;
    else errors.mirror = 'mirror';
  }

  const instancesText = raw('instances');
  if (!instancesText) errors.instances = 'required';
  else if (!/^\d+$/.test(instancesText)) errors.instances = 'instances';
  else {
    const instances = Number(instancesText);
    if (instances < 1) errors.instances = 'instancesMin';
    else if (instances > MAX_INSTANCES) errors.instances = 'instancesMax';
    else values.instances = instances;
  }

  // A pasted discovery URL is fine too: the token is its last path segment.
  const token = raw('token').replace(/^https?:\/\/discovery\.etcd\.io\//, '');
  if (!token) errors.token = 'required';
  else if (TOKEN.test(token)) values.token = token;
  else errors.token = 'token';

  const naming = oneOf(NAMINGS, raw('naming'));
  if (!naming) errors.naming = 'choice';
  else if (naming === 'fixed' && (values.instances ?? Number(instancesText)) > 1) errors.naming = 'duplicateNames';
  else values.naming = naming;

  if (naming !== 'fixed') values.memberName = MEMBER_NAME.test(raw('memberName')) ? raw('memberName') : NOTES_INPUT.memberName;
  else if (!raw('memberName')) errors.memberName = 'required';
  else if (MEMBER_NAME.test(raw('memberName'))) values.memberName = raw('memberName');
  else errors.memberName = 'memberName';

  return { values, errors };
}

/** The box a flavor, channel and version name: where it was published, its file names and its Vagrant name. */
export function boxSource(flavor: Flavor, channel: Channel, version: string) {
  return flavor === 'flatcar'
    ? {
        releaseBase: `https://${channel}.release.flatcar-linux.net/amd64-usr/${version}/`,
        jsonFile: 'flatcar_production_vagrant.json',
        boxFile: 'flatcar_production_vagrant.box',
        boxName: `flatcar-${channel}`,
        description: `Flatcar ${channel}`,
      }
    : {
        releaseBase: `http://${channel}.release.core-os.net/amd64-usr/${version}/`,
        jsonFile: 'coreos_production_vagrant.json',
        boxFile: 'coreos_production_vagrant.box',
        boxName: `coreos-${channel}`,
        description: `CoreOS ${channel}`,
      };
}

/** Where a file of the mirror lives: a URL under an http(s) base, or a path in a local folder. */
export const mirrorLocation = (mirror: Mirror, file: string): string => `${mirror.base}${file}`;

/** A Ruby double-quoted string literal; `#` is escaped too, so nothing a reader types can interpolate. */
export const rubyString = (text: string): string => `"${text.replace(/[\\"#]/g, (char) => `\\${char}`)}"`;

/**
 * The local servers listen where the mirror points: its port, and its address when that is an IP. "localhost" keeps
 * the notes' choice (Go on every interface, Python 3 bound to 127.0.0.1). A mirror elsewhere (https, a folder)
 * needs no local server, so the notes' commands stay as they were.
 */
export function serverAddress(mirror: Mirror): { port: number; ip?: string; goAddress: string; pythonBind?: string } {
  if (mirror.kind !== 'http' || mirror.secure) return { port: 8080, goAddress: ':8080', pythonBind: '127.0.0.1' };
  const port = mirror.port;
  const hostname = mirror.hostname.replace(/^\[|\]$/g, '');
  if (hostname === 'localhost') return { port, goAddress: `:${port}`, pythonBind: '127.0.0.1' };
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(hostname)) return { port, ip: hostname, goAddress: `${hostname}:${port}`, pythonBind: hostname };
  if (hostname.includes(':')) return { port, ip: hostname, goAddress: `[${hostname}]:${port}`, pythonBind: hostname };
  return { port, goAddress: `:${port}` };
}

/**
 * The Vagrantfile lines the guide edits, as coreos-vagrant has them at b9ed7e2 (FACTS.md quotes 14, 15 and 55; the
 * guide's diff carries them). Line 51 sets the box name, which only the Flatcar switch changes: Vagrant refuses box
 * metadata whose name differs from `config.vm.box`.
 */
export const VAGRANTFILE_BOX_LINE = { number: 51, text: '  config.vm.box = "coreos-%s" % $update_channel' };

/** Parses a normal-format diff of changed lines only ("14,15c14,15"), as `diff` prints it. */
export function parseChangeDiff(diff: string): Array<{ from: number; to: number; old: string[]; new: string[] }> {
  const lines = diff.replace(/\n$/, '').split('\n');
  const hunks: Array<{ from: number; to: number; old: string[]; new: string[] }> = [];
  let index = 0;
  while (index < lines.length) {
    const header = /^(\d+)(?:,(\d+))?c(\d+)(?:,(\d+))?$/.exec(lines[index]);
    if (!header) throw new Error(`not a change hunk: ${lines[index]}`);
    const from = Number(header[1]);
    const to = Number(header[2] ?? header[1]);
    if (header[3] !== header[1] || (header[4] ?? header[3]) !== String(to)) throw new Error(`hunk changes the line count: ${lines[index]}`);
    const count = to - from + 1;
    const edited = lines.slice(index + 1, index + 1 + count);
    const separator = lines[index + 1 + count];
    const original = lines.slice(index + 2 + count, index + 2 + 2 * count);
    if (edited.length !== count || !edited.every((line) => line.startsWith('< '))) throw new Error(`hunk ${lines[index]}: expected ${count} "<" lines`);
    if (separator !== '---') throw new Error(`hunk ${lines[index]}: expected "---"`);
    if (original.length !== count || !original.every((line) => line.startsWith('> '))) throw new Error(`hunk ${lines[index]}: expected ${count} ">" lines`);
    hunks.push({ from, to, new: edited.map((line) => line.slice(2)), old: original.map((line) => line.slice(2)) });
    index += 2 + 2 * count;
  }
  return hunks;
}

/** Prints the normal-format diff of `edited` against `original` (line number → text), the way `diff` does for changes. */
export function printChangeDiff(original: Map<number, string>, edited: Map<number, string>): string {
  const changed = [...original.keys()].filter((number) => edited.get(number) !== original.get(number)).sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const number of changed) {
    const last = groups.at(-1);
    if (last && last.at(-1) === number - 1) last.push(number);
    else groups.push([number]);
  }
  return groups
    .map((group) => {
      const range = group.length === 1 ? `${group[0]}` : `${group[0]},${group.at(-1)}`;
      return [`${range}c${range}`, ...group.map((n) => `< ${edited.get(n)}`), '---', ...group.map((n) => `> ${original.get(n)}`)].join('\n');
    })
    .map((hunk) => `${hunk}\n`)
    .join('');
}

/** What each template shows and which fields it reads: a snippet is only rewritten when all of its fields are valid. */
export const TEMPLATES = {
  download: { kind: 'session', fields: ['flavor', 'channel', 'version'] },
  'serve-python2': { kind: 'session', fields: ['mirror'] },
  'serve-python3': { kind: 'session', fields: ['mirror'] },
  'box-metadata': { kind: 'file', fields: ['flavor', 'channel', 'version', 'checksum', 'mirror'] },
  fileserver: { kind: 'file', fields: ['mirror'] },
  'vagrantfile-diff': { kind: 'file', fields: ['flavor', 'channel', 'version', 'mirror'] },
  'vagrantfile-patch': { kind: 'file', fields: ['flavor', 'channel', 'version', 'mirror'] },
  'config-rb': { kind: 'file', fields: ['instances'] },
  discovery: { kind: 'session', fields: ['instances', 'token'] },
  'cluster-user-data': { kind: 'file', fields: ['instances', 'token', 'naming', 'memberName'] },
} as const satisfies Record<string, { kind: 'session' | 'file'; fields: readonly Field[] }>;
export type TemplateId = keyof typeof TEMPLATES;

export const isTemplateId = (id: string | undefined): id is TemplateId => !!id && Object.hasOwn(TEMPLATES, id);

export interface Rendered {
  text: string;
  /** A file's name, which the Flatcar switch changes for the box metadata. */
  fileName?: string;
}

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(text)) throw new Error(`the original has no ${what}`);
  return text.replace(pattern, replacement);
}

/** Renders one template. `original` is the file's original text (files only). */
export function renderTemplate(id: TemplateId, values: GuideValues, original = ''): Rendered {
  const box = boxSource(values.flavor, values.channel, values.version);
  const server = serverAddress(values.mirror);
  switch (id) {
    case 'download':
      return { text: [box.boxFile, box.jsonFile].map((file) => `$ curl -O ${box.releaseBase}${file}\n`).join('') };
    case 'serve-python2':
      return { text: `$ python -m SimpleHTTPServer ${server.port}\n` };
    case 'serve-python3':
      return { text: `$ python3 -m http.server ${server.port}${server.pythonBind ? ` --bind ${server.pythonBind}` : ''}\n` };
    case 'discovery': {
      // `?` is a glob character: zsh refuses an unquoted URL holding one, so a sized request is quoted.
      const request = values.instances === DEFAULT_DISCOVERY_SIZE ? 'https://discovery.etcd.io/new' : `'https://discovery.etcd.io/new?size=${values.instances}'`;
      return { text: `$ curl ${request}\nhttps://discovery.etcd.io/${values.token}\n` };
    }
    case 'box-metadata': {
      const metadata = JSON.parse(original);
      const release = metadata.versions[0];
      const provider = release.providers[0];
      metadata.name = box.boxName;
      metadata.description = box.description;
      release.version = values.version;
      provider.url = mirrorLocation(values.mirror, box.boxFile);
      provider.checksum = values.checksum;
      return { text: `${JSON.stringify(metadata, null, 2)}\n`, fileName: box.jsonFile };
    }
    case 'fileserver':
      return { text: replaceOnce(original, /http\.ListenAndServe\("[^"\n]*"/, `http.ListenAndServe(${JSON.stringify(server.goAddress)}`, 'ListenAndServe address') };
    case 'config-rb':
      return { text: replaceOnce(original, /^\$num_instances=\d+$/m, `$num_instances=${values.instances}`, '$num_instances line') };
    // The notes' diff was made as `diff Vagrantfile Vagrantfile.bak` (edited first, so `patch -R` applies it); the
    // forward patch beside it is `diff Vagrantfile.bak Vagrantfile`, which plain `patch` applies.
    case 'vagrantfile-diff':
    case 'vagrantfile-patch': {
      const forward = id === 'vagrantfile-patch';
      const originalLines = new Map<number, string>();
      for (const hunk of parseChangeDiff(original)) (forward ? hunk.new : hunk.old).forEach((line, offset) => originalLines.set(hunk.from + offset, line));
      originalLines.set(VAGRANTFILE_BOX_LINE.number, VAGRANTFILE_BOX_LINE.text);
      const edited = new Map(originalLines);
      for (const [number, line] of originalLines) {
        if (line.startsWith('$update_channel = ')) edited.set(number, `$update_channel = ${rubyString(values.channel)}`);
        else if (line.startsWith('$image_version = ')) edited.set(number, `$image_version = ${rubyString(values.version)}`);
        else if (line.startsWith('  config.vm.box_url = ')) edited.set(number, `  config.vm.box_url = ${rubyString(mirrorLocation(values.mirror, box.jsonFile))}`);
        else if (number === VAGRANTFILE_BOX_LINE.number && values.flavor === 'flatcar') edited.set(number, line.replace('"coreos-%s"', '"flatcar-%s"'));
      }
      return { text: forward ? printChangeDiff(edited, originalLines) : printChangeDiff(originalLines, edited) };
    }
    case 'cluster-user-data': {
      let text = replaceOnce(original, /^ {4}discovery: https:\/\/discovery\.etcd\.io\/\S+$/m, `    discovery: https://discovery.etcd.io/${values.token}`, 'etcd2 discovery line');
      // The name goes right under `etcd2:`, four spaces in, where the notes put `name: core-01`.
      text = text.replace(/^( {2}etcd2:\n) {4}name: .*\n/m, '$1');
      const name = values.naming === 'fixed' ? values.memberName : values.naming === 'private-ip' ? '$private_ipv4' : undefined;
      return { text: name ? replaceOnce(text, /^ {2}etcd2:\n/m, `  etcd2:\n    name: ${name}\n`, 'etcd2 section') : text };
    }
  }
}

export interface RenderResult {
  rendered: Partial<Record<TemplateId, Rendered>>;
  /** Templates left as they were because a field they read has an error. */
  blocked: TemplateId[];
  errors: Partial<Record<Field, ErrorCode>>;
}

/**
 * Validates the input and renders every template whose fields are all valid. Templates that read an invalid field
 * are reported as blocked and not rendered, so a mistake never turns into a broken file.
 */
export function renderAll(input: FormInput, originals: Partial<Record<TemplateId, string>>): RenderResult {
  const { values, errors } = validate(input);
  const notes = validate(NOTES_INPUT).values as GuideValues;
  const merged: GuideValues = { ...notes, ...values };
  const rendered: Partial<Record<TemplateId, Rendered>> = {};
  const blocked: TemplateId[] = [];
  for (const id of Object.keys(TEMPLATES) as TemplateId[]) {
    if (TEMPLATES[id].fields.some((field) => errors[field])) blocked.push(id);
    else if (TEMPLATES[id].kind === 'session' || originals[id] !== undefined) rendered[id] = renderTemplate(id, merged, originals[id]);
  }
  return { rendered, blocked, errors };
}
