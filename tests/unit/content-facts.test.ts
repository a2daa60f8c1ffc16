/**
 * The GopherChina 2016 content against the verified facts (FACTS.md, kept as test data in tests/data/): every talk,
 * speaker and slides link must agree with the schedule exactly. Also the conference facts, the corrections the pages
 * owe the notes, the length of each review, and the guide's commands and log lines. The built talk pages are checked
 * against the same schedule in tests/content-pages.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseMarkdown } from '../../src/lib/content-check.ts';
import { contentRoot } from '../../src/lib/config.ts';
import type { Conference, Review, Speaker, Talk } from '../../src/lib/schema.ts';
import { projectRoot } from '../support/build.ts';
import { SCHEDULE } from '../data/gopherchina-2016-schedule.ts';

/** FACTS.md: speaker links given in the notes; no other speaker has a link. */
const SPEAKER_LINKS: Record<string, string[]> = {
  'chen-hui': ['github.com/huichen'],
  'liu-qi': ['github.com/ngaut'],
  'mao-jian': ['github.com/terry-mao'],
  'marcel-van-lohuizen': ['github.com/mpvl'],
  'mi-jia': ['github.com/mijia'],
  'deng-hongchao': ['github.com/hongchaodeng'],
  'shen-sheng': ['github.com/tomasen'],
  'xu-shiwei': ['github.com/xushiwei'],
  'dave-cheney': ['dave.cheney.net'],
};

/** FACTS.md: projects the reviews mention, by talk. */
const PROJECT_LINKS: Record<string, string[]> = {
  'go-and-ai': ['github.com/huichen/wukong', 'github.com/huichen/sego'],
  'distributed-database-in-go': ['github.com/pingcap/tidb', 'github.com/tikv/tikv'],
  'baidu-bfe': ['github.com/bfenetworks/bfe'],
  'storage-systems-in-go': ['github.com/Terry-Mao/bfs'],
  'i18n-and-l10n-with-x-text': ['golang.org/x/text'],
  'go-on-mobile': ['golang.org/x/mobile'],
  'writing-high-performance-go': ['github.com/davecheney/presentations/blob/master/writing-high-performance-go.slide'],
};

const SLIDES_FOLDER = 'https://github.com/gopherchina/conference/blob/master/2016/';

const root = join(projectRoot, contentRoot());
const confRoot = join(root, 'talks', 'gopherchina-2016');
const yamlAt = <T>(path: string): T => parseYaml(readFileSync(path, 'utf8')) as T;
const review = (talk: string, lang: 'zh' | 'en') => {
  const parsed = parseMarkdown(`${talk}/${lang}.md`, readFileSync(join(confRoot, talk, `${lang}.md`), 'utf8'));
  return { data: parsed.data as Review, body: parsed.body ?? '' };
};
/** Host and path, without scheme and trailing slash: how FACTS.md writes links. */
const bare = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');

const talkIds = readdirSync(confRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const talks = new Map(talkIds.map((id) => [id, yamlAt<Talk>(join(confRoot, id, 'talk.yaml'))]));
const speakerOf = (id: string) => yamlAt<Speaker>(join(root, 'speakers', `${id}.yaml`));

describe('the schedule against FACTS.md', () => {
  it('has 15 talks over 2 days: 8 on the first, 7 on the second', () => {
    expect(talkIds).toEqual(SCHEDULE.map((row) => row.talk).sort());
    const days = [...talks.values()].map((talk) => talk.day);
    expect(days.filter((day) => day === 1)).toHaveLength(8);
    expect(days.filter((day) => day === 2)).toHaveLength(7);
    for (const talk of talks.values()) expect(talk.conference).toBe('gopherchina-2016');
  });

  it.each(SCHEDULE)('$no $talk: day, time, speaker and official titles', (row) => {
    const talk = talks.get(row.talk)!;
    expect({ day: talk.day, start: talk.start, end: talk.end }).toEqual({ day: row.day, start: row.start, end: row.end });
    expect(talk.title).toEqual(row.title);
    expect(talk.speakers).toEqual([row.speaker]);
    const speaker = speakerOf(row.speaker);
    expect(speaker.name.zh).toBe(row.name);
    expect(speaker.name.en).toBe(row.romanized);
    expect(speaker.romanization).toBe(row.romanized);
  });

  it.each(SCHEDULE)('$no $talk: company at GopherChina 2016', (row) => {
    const companies = (speakerOf(row.speaker).companies ?? []).filter((company) => company.conference === 'gopherchina-2016');
    expect(companies.map((company) => company.name)).toEqual(row.company ? [row.company] : []);
  });

  it.each(SCHEDULE)('$no $talk: slides link to the exact file in gopherchina/conference 2016', (row) => {
    const url = talks.get(row.talk)!.slides!;
    expect(url.startsWith(SLIDES_FOLDER), url).toBe(true);
    const name = url.slice(SLIDES_FOLDER.length);
    expect(name).not.toContain('/');
    expect(decodeURIComponent(name)).toBe(row.slides);
    // Encoded the one canonical way, so the link is byte-for-byte the file's URL on GitHub.
    expect(name).toBe(encodeURIComponent(row.slides));
  });

  it('keeps the em dash of 1.4 and the full-width comma of 2.6 in the slide file names', () => {
    expect(talks.get('storage-systems-in-go')!.slides).toContain('%E2%80%94'); // —
    expect(decodeURIComponent(talks.get('storage-systems-in-go')!.slides!)).toContain('应用—毛剑');
    expect(talks.get('testing-ci-and-deploy')!.slides).toContain('%EF%BC%8C'); // ，
    expect(decodeURIComponent(talks.get('testing-ci-and-deploy')!.slides!)).toContain('测试，持续集成');
  });

  it('no two talks overlap, and the schedule order is the official numbering', () => {
    const ordered = [...SCHEDULE].sort((a, b) => a.day - b.day || a.start.localeCompare(b.start));
    expect(ordered.map((row) => row.no)).toEqual(SCHEDULE.map((row) => row.no));
    for (let i = 1; i < ordered.length; i++) {
      if (ordered[i].day === ordered[i - 1].day) expect(ordered[i].start >= ordered[i - 1].end, ordered[i].no).toBe(true);
    }
  });
});

describe('speakers and links against FACTS.md', () => {
  it('speaker links are exactly the ones FACTS.md gives', () => {
    for (const row of SCHEDULE) {
      expect((speakerOf(row.speaker).links ?? []).map((link) => bare(link.url)).sort(), row.speaker).toEqual((SPEAKER_LINKS[row.speaker] ?? []).sort());
    }
  });

  it('talk links are the projects FACTS.md names, and only those', () => {
    for (const [id, talk] of talks) {
      expect((talk.links ?? []).map((link) => bare(link.url)).sort(), id).toEqual((PROJECT_LINKS[id] ?? []).sort());
    }
  });

  it('keeps the official misspellings as aliases and corrects them politely on the talk pages', () => {
    expect(speakerOf('shen-sheng').aliases).toContain('Sheng Chen');
    expect(speakerOf('sun-jianliang').aliases).toContain('Jianliang Su');
    for (const lang of ['zh', 'en'] as const) {
      expect(review('go-on-mobile', lang).data.note).toMatch(/Sheng Chen.*Shen Sheng/);
      expect(review('netease-upload-acceleration', lang).data.note).toMatch(/Jianliang Su.*Sun Jianliang/);
    }
  });

  it('notes the corrections FACTS.md makes to the notes', () => {
    for (const lang of ['zh', 'en'] as const) {
      // 邓洪超's talk was renamed; the slide file keeps the earlier title.
      expect(review('improving-go-performance', lang).data.note).toContain(lang === 'zh' ? 'Go的程序性能调优' : 'Improving Performance of Go Program');
      // 小米网 on the official schedule, 小米商城 on the slides and in the notes.
      expect(review('xiaomi-devops-platform', lang).data.note).toMatch(/小米网[\s\S]*小米商城/);
      // 1.1: the official title has 与 (“Go与人工智能”), the notes and the slide file do not.
      expect(review('go-and-ai', lang).data.note).toContain('GO and AI');
      // Grab was still Grabtaxi in 2016.
      expect(review('testing-ci-and-deploy', lang).data.note).toContain('Grabtaxi');
    }
    expect(review('improving-go-performance', 'zh').data.heading).toContain('Go 在分布式系统的性能调试和优化');
  });
});

describe('reviews', () => {
  const han = (text: string) => [...text.matchAll(/\p{Script=Han}/gu)].length;
  const words = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

  it.each(talkIds)('%s: 120–300 Chinese characters in zh, 80–200 words in en', (id) => {
    const zh = han(review(id, 'zh').body);
    const en = words(review(id, 'en').body);
    expect(zh, `zh body of ${id}: ${zh} Chinese characters`).toBeGreaterThanOrEqual(120);
    expect(zh, `zh body of ${id}: ${zh} Chinese characters`).toBeLessThanOrEqual(300);
    expect(en, `en body of ${id}: ${en} words`).toBeGreaterThanOrEqual(80);
    expect(en, `en body of ${id}: ${en} words`).toBeLessThanOrEqual(200);
  });

  it.each(talkIds)('%s: the verdict is attributed to the reviewer', (id) => {
    expect(review(id, 'zh').data.verdict).toContain('评论者');
    expect(review(id, 'en').data.verdict).toMatch(/\breviewer\b/i);
  });

  it('English reviews name speakers in pinyin, never in Chinese characters', () => {
    for (const row of SCHEDULE) {
      const { data, body } = review(row.talk, 'en');
      expect(data.heading.startsWith(row.romanized), row.talk).toBe(true);
      if (row.name !== row.romanized) expect(`${data.heading} ${data.verdict} ${body}`, row.talk).not.toContain(row.name);
    }
  });
});

describe('the conference against FACTS.md', () => {
  const conf = yamlAt<Conference>(join(root, 'conferences', 'gopherchina-2016', 'conference.yaml'));

  it('dates, venue, organizer and source', () => {
    expect(conf.edition).toBe(2);
    expect(conf.start).toBe('2016-04-16T09:00:00+08:00');
    expect(conf.end).toBe('2016-04-17T18:00:00+08:00');
    expect(conf.venue.zh).toBe('北京 东城区 工体北路新中西街8号 亚洲大酒店');
    expect(conf.venue.en).toContain('Asia Hotel');
    expect(conf.organizer.name.zh).toContain('谢孟军');
    expect(conf.organizer.name.en).toContain('astaxie');
    expect(conf.source).toMatchObject({ url: 'https://tonybai.com/2016/04/18/my-experience-of-gopherchina2016/', published: '2016-04-18' });
  });

  it('sponsors by tier', () => {
    const byTier = (tier: string) => conf.sponsors.filter((sponsor) => sponsor.tier === tier).map((sponsor) => sponsor.name.zh);
    expect(byTier('co-organizer')).toEqual(['七牛']);
    expect(byTier('diamond')).toEqual(['DaoCloud']);
    expect(byTier('platinum')).toEqual(['Grab']);
    expect(byTier('gold')).toEqual(['心动', 'PingCAP', '美餐']);
    expect(byTier('silver')).toEqual(['Google', 'BearyChat', '极客学院', '图灵', '博文']);
    expect(byTier('partner')).toEqual(['环信']);
  });

  it('the day-one opening, the breaks and the evening party', () => {
    const slot = (kind: string) => conf.slots.filter((item) => item.kind === kind).map(({ day, start, end }) => `${day} ${start}-${end}`);
    expect(slot('registration')).toEqual(['1 08:20-08:50']);
    expect(slot('opening')).toEqual(['1 08:50-09:00']);
    expect(slot('welcome')).toEqual(['1 09:00-09:10']);
    expect(slot('break')).toEqual(['1 14:55-15:15', '2 14:45-15:05']);
    expect(slot('party')).toEqual(['1 20:15-22:00']);
    const party = conf.slots.find((item) => item.kind === 'party')!;
    expect(party.title).toEqual({ zh: 'Gopher技术沙龙party', en: 'Gopher Fun Party' });
    expect(party.sponsors).toEqual([{ zh: '七牛', en: 'Qiniu' }, { zh: 'DaoCloud', en: 'DaoCloud' }]);
  });

  it('the summary covers the party and its debates, what went well, suggestions and the five questions', () => {
    for (const [lang, expected] of [
      ['zh', ['Rust', 'Docker', '20:15', '80 多人', '做得好的地方', '给主办方的建议', '.slide']],
      ['en', ['Rust', 'Docker', '20:15', 'more than 80 people', 'What went well', 'Suggestions for the organizers', '.slide']],
    ] as const) {
      const text = readFileSync(join(root, 'conferences', 'gopherchina-2016', `${lang}.md`), 'utf8');
      for (const needle of expected) expect(text, `${lang}.md: ${needle}`).toContain(needle);
      // The reviewer's list of what a Go-in-production talk should cover: five numbered items.
      expect(text.match(/^\d\. /gm)).toHaveLength(5);
    }
  });
});

// ---------- the guide ----------

const guideRoot = join(root, 'guides', 'coreos-vagrant');
const guide = (lang: 'zh' | 'en') => readFileSync(join(guideRoot, `${lang}.md`), 'utf8');
/**
 * The lines of the original post that hold no Chinese (its commands, logs, error messages and files), as
 * tests/data/notes-code-lines.txt keeps them: spaces trimmed, no-break spaces and "…" as Vagrant prints them.
 */
const postLines = new Set(readFileSync(join(projectRoot, 'tests/data/notes-code-lines.txt'), 'utf8').split('\n').filter(Boolean));

/** Code blocks of a Markdown text with their info string. */
const fences = (markdown: string) =>
  [...markdown.matchAll(/^[ \t]*```(\S*)([^\n]*)\n([\s\S]*?)^[ \t]*```$/gm)].map((match) => ({ lang: match[1], meta: match[2].trim(), body: match[3] }));

/** Commands the guide adds to the post's, to make the steps explicit. Each is standard and harmless. */
const ADDED_COMMANDS = [
  'curl -O http://stable.release.core-os.net/amd64-usr/717.3.0/coreos_production_vagrant.box',
  'curl -O http://stable.release.core-os.net/amd64-usr/717.3.0/coreos_production_vagrant.json',
  'python3 -m http.server 8080 --bind 127.0.0.1', // FACTS.md: the Python 3 equivalent
  'go run fileserver.go',
  'cd coreos-vagrant',
  'cp Vagrantfile Vagrantfile.bak', // what `diff Vagrantfile Vagrantfile.bak` in the post implies
  'mv user-data.sample user-data', // the post: 将user-data.sample改名为user-data
  'mv config.rb.sample config.rb', // the post: 将config.rb.sample改名为config.rb
  'patch -R Vagrantfile < Vagrantfile.diff', // the post's diff is edited-first: applied in reverse
  'patch Vagrantfile < Vagrantfile.patch', // the same change as a forward patch
  'vagrant destroy -f', // Vagrant provisions only on a machine's first up: the single machine must go
];

describe('the coreos-vagrant guide', () => {
  it('covers the facts the issue lists, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const text = guide(lang);
      for (const needle of [
        'b9ed7e2182ff08b72419ab3e89f4a5652bc75082',
        '717.3.0',
        '`config.vm.url`',
        '`config.vm.box_url`',
        '```diff file="files/Vagrantfile.diff"',
        '`---`',
        '```json file="files/coreos_production_vagrant.json"',
        '```go file="files/fileserver.go"',
        '```yaml file="files/single/user-data"',
        '```yaml file="files/cluster/user-data"',
        '```ruby file="files/config.rb"',
        'python -m SimpleHTTPServer 8080',
        'VirtualBox 4.3.10',
        'VT-x',
        'BIOS',
        '$ vagrant halt',
        'https://discovery.etcd.io/new',
        '`?size=`',
        '172.17.8.101',
      ]) {
        expect(text, `${lang}.md: ${needle}`).toContain(needle);
      }
    }
  });

  it('the embedded Vagrantfile diff is real `diff` output, with its `---` lines', () => {
    const diff = readFileSync(join(guideRoot, 'files', 'Vagrantfile.diff'), 'utf8').split('\n');
    expect(diff.filter((line) => line === '---')).toHaveLength(2);
    expect(diff).toContain('14,15c14,15');
    expect(diff).toContain('55c55');
    expect(diff).toContain('>   config.vm.box_url = "http://%s.release.core-os.net/amd64-usr/%s/coreos_production_vagrant.json" % [$update_channel, $image_version]');
    expect(readFileSync(join(guideRoot, 'files', 'config.rb'), 'utf8')).toBe('# Size of the CoreOS cluster created by Vagrant\n$num_instances=3\n');
  });

  it('the etcd member-name pitfall: the cluster user-data drops `name`, the single one keeps it', () => {
    expect(readFileSync(join(guideRoot, 'files', 'single', 'user-data'), 'utf8')).toContain('\n  etcd2:\n    name: core-01\n');
    const cluster = readFileSync(join(guideRoot, 'files', 'cluster', 'user-data'), 'utf8');
    expect(cluster).not.toMatch(/^\s+name: core-0/m);
    expect(cluster).toContain('    discovery: https://discovery.etcd.io/fe81755687323aae273dc5f111eb059a\n');
    expect(guide('zh')).toContain('## etcd 成员名的坑');
    expect(guide('en')).toContain('## The etcd member-name pitfall');
  });

  it('ends with a marked section for today’s reader', () => {
    for (const [lang, heading] of [
      ['zh', /^## 今天再读（本站补记，非原文内容）$/m],
      ['en', /^## Reading this today \(our addendum, not in the 2015 post\)$/m],
    ] as const) {
      const text = guide(lang);
      const match = heading.exec(text);
      expect(match, `${lang}.md: today heading`).not.toBeNull();
      const today = text.slice(match!.index);
      expect(today.match(/^## /gm), 'the today section is the last one').toHaveLength(1);
      for (const needle of ['2020-05-26', '2512.3.0', '2020-09-01', 'Fedora CoreOS', 'Ignition', 'https://stable.release.flatcar-linux.net/amd64-usr/current/flatcar_production_vagrant.json', '`flatcar-<channel>`', 'etcd 3.7', '`--initial-cluster`']) {
        expect(today, `${lang}.md today section: ${needle}`).toContain(needle);
      }
    }
  });

  it('every command is the post’s or a listed addition, and every log and error line is quoted from the post', () => {
    // The post's commands, spaced the usual way ("$git clone" -> "git clone").
    const postCommands = new Set([...postLines].flatMap((line) => /^\$\s*(\S.*)$/.exec(line)?.[1].trim() ?? []));
    for (const lang of ['zh', 'en'] as const) {
      for (const block of fences(guide(lang)).filter((fence) => ['console', 'text'].includes(fence.lang) && !fence.meta.includes('file='))) {
        for (const line of block.body.split('\n').filter((text) => text.trim() !== '')) {
          if (line.startsWith('$ ')) {
            const command = line.slice(2);
            expect(postCommands.has(command) || postLines.has(command) || ADDED_COMMANDS.includes(command), `${lang}.md: command not in the post nor added on purpose: ${command}`).toBe(true);
          } else {
            expect(postLines.has(line.trim()), `${lang}.md: log line not in the post: ${line}`).toBe(true);
          }
        }
      }
    }
  });
});
