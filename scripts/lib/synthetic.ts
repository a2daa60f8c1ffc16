/**
 * Synthetic conference notes for `npm run bench`: a content root of any size, the same for the same seed.
 * Each talk has a review in both languages shaped like the real ones: about 600 Chinese characters or 350 English
 * words of prose, two `##` headings, a console block with prompts and output, a config block, sometimes a GFM table
 * and a link; 2 to 4 tags from a fixed vocabulary (a few much more popular than others); one or two speakers from a
 * pool that grows with the archive, with a few regulars who speak everywhere. Conferences have 20 talks over two days.
 *
 * Pure: returns a map from path (relative to the content root) to file text.
 */

export interface SyntheticOptions {
  /** Talks per language (each talk has a zh and an en review). */
  talks: number;
  seed?: number;
  talksPerConference?: number;
}

/** mulberry32: a small, fast PRNG whose whole state is one 32-bit number. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const str = (value: string): string => JSON.stringify(value);

const TAGS: Array<[string, string, string]> = [
  ['performance', '性能', 'Performance'],
  ['distributed-systems', '分布式系统', 'Distributed systems'],
  ['databases', '数据库', 'Databases'],
  ['observability', '可观测性', 'Observability'],
  ['kubernetes', 'Kubernetes', 'Kubernetes'],
  ['testing', '测试', 'Testing'],
  ['security', '安全', 'Security'],
  ['networking', '网络', 'Networking'],
  ['storage', '存储', 'Storage'],
  ['concurrency', '并发', 'Concurrency'],
  ['tooling', '工具链', 'Tooling'],
  ['web', 'Web 开发', 'Web development'],
  ['mobile', '移动开发', 'Mobile'],
  ['ai', '人工智能', 'AI'],
  ['gc', '垃圾回收', 'Garbage collection'],
  ['compilers', '编译器', 'Compilers'],
  ['caching', '缓存', 'Caching'],
  ['messaging', '消息队列', 'Messaging'],
  ['devops', '运维', 'DevOps'],
  ['search', '搜索', 'Search'],
  ['i18n', '国际化', 'Internationalization'],
  ['embedded', '嵌入式', 'Embedded'],
  ['cdn', 'CDN', 'CDN'],
  ['microservices', '微服务', 'Microservices'],
  ['serialization', '序列化', 'Serialization'],
  ['profiling', '剖析', 'Profiling'],
  ['api-design', 'API 设计', 'API design'],
  ['migration', '迁移', 'Migration'],
  ['community', '社区', 'Community'],
  ['education', '教学', 'Education'],
];

const SURNAMES: Array<[string, string]> = [
  ['王', 'Wang'],
  ['李', 'Li'],
  ['张', 'Zhang'],
  ['刘', 'Liu'],
  ['陈', 'Chen'],
  ['杨', 'Yang'],
  ['赵', 'Zhao'],
  ['黄', 'Huang'],
  ['周', 'Zhou'],
  ['吴', 'Wu'],
  ['徐', 'Xu'],
  ['孙', 'Sun'],
  ['胡', 'Hu'],
  ['朱', 'Zhu'],
  ['高', 'Gao'],
  ['林', 'Lin'],
];
const GIVEN: Array<[string, string]> = [
  ['伟', 'Wei'],
  ['芳', 'Fang'],
  ['敏', 'Min'],
  ['静', 'Jing'],
  ['磊', 'Lei'],
  ['洋', 'Yang'],
  ['杰', 'Jie'],
  ['涛', 'Tao'],
  ['明', 'Ming'],
  ['超', 'Chao'],
  ['华', 'Hua'],
  ['辉', 'Hui'],
  ['鹏', 'Peng'],
  ['飞', 'Fei'],
  ['斌', 'Bin'],
  ['晨', 'Chen'],
];
const FIRST = ['Alice', 'Bruno', 'Chloe', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kira', 'Leon'];
const LAST = ['Berg', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Hansen', 'Ivanova', 'Jensen', 'Kowalski', 'Moreau', 'Novak'];

const TECH = [
  'Go',
  'Rust',
  'etcd',
  'Kafka',
  'Redis',
  'gRPC',
  'Kubernetes',
  'Prometheus',
  'SQLite',
  'PostgreSQL',
  'WebAssembly',
  'eBPF',
  'Docker',
  'Nginx',
  'TiKV',
];
const NOUNS_ZH = [
  '连接池',
  '调度器',
  '缓存层',
  '日志管道',
  '配置中心',
  '存储引擎',
  '消息队列',
  '网关',
  '倒排索引',
  '序列化格式',
  '限流器',
  '监控告警',
  '发布系统',
  '分片策略',
  '重试机制',
  '内存分配器',
];
const NOUNS_EN = [
  'connection pool',
  'scheduler',
  'cache layer',
  'log pipeline',
  'config service',
  'storage engine',
  'message queue',
  'gateway',
  'inverted index',
  'wire format',
  'rate limiter',
  'alerting',
  'release pipeline',
  'sharding scheme',
  'retry policy',
  'allocator',
];
const VERBS_ZH = ['重写了', '拆分了', '测量了', '替换了', '简化了', '压测了', '合并了', '迁移了'];
const VERBS_EN = ['rewrote', 'split', 'measured', 'replaced', 'simplified', 'load-tested', 'merged', 'migrated'];
const WHO_ZH = ['讲师', '他们的团队', '这位讲师', '评论者', '几位工程师'];
const WHO_EN = ['The speaker', 'The team', 'Her group', 'The reviewer', 'Two engineers on the project'];
const WHEN_ZH = ['上线之前', '去年冬天', '压测的时候', '迁移过程中', '第一个版本里', '一次大促之后', '凌晨的故障里'];
const WHEN_EN = [
  'before launch',
  'last winter',
  'during a load test',
  'in the middle of a migration',
  'in the first version',
  'after a peak sale',
  'during a night-time outage',
];
const RESULT_ZH = [
  '延迟下降了 {n}%',
  '吞吐提高到原来的 {k} 倍',
  '内存占用少了一半',
  '故障恢复缩短到 {n} 秒',
  '代码少了 {n} 行',
  '告警数量明显减少',
  '部署时间从小时级降到分钟级',
];
const RESULT_EN = [
  'latency fell by {n}%',
  'throughput grew {k} times',
  'memory use halved',
  'recovery took {n} seconds instead of minutes',
  'the code shrank by {n} lines',
  'the pager went quiet',
  'deploys went from hours to minutes',
];
const OPINION_ZH = [
  '评论者认为这部分最有启发',
  '现场不少人拍照记录',
  '这个细节值得反复推敲',
  '评论者觉得例子再多一些会更好',
  '问答环节对此讨论很热烈',
];
const OPINION_EN = [
  'the reviewer found this the most useful part',
  'many in the room took photos of this slide',
  'this detail rewards a second look',
  'the reviewer wished for one more example',
  'the Q&A kept coming back to it',
];
const HEADINGS_ZH = ['背景', '做法', '踩过的坑', '性能数据', '评论者的看法', '今天再看'];
const HEADINGS_EN = ['Background', 'How it works', 'Pitfalls', 'The numbers', 'What the reviewer thought', 'Reading it today'];
const CITIES: Array<[string, string]> = [
  ['北京', 'Beijing'],
  ['上海', 'Shanghai'],
  ['深圳', 'Shenzhen'],
  ['杭州', 'Hangzhou'],
  ['成都', 'Chengdu'],
  ['武汉', 'Wuhan'],
];

const CJK = /[\u3400-\u9fff]/g;
export const chineseChars = (text: string): number => text.match(CJK)?.length ?? 0;
export const englishWords = (text: string): number => text.match(/[A-Za-z][A-Za-z'-]*/g)?.length ?? 0;

export function syntheticContent(options: SyntheticOptions): Map<string, string> {
  const next = random(options.seed ?? 1);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const fill = (template: string) => template.replace('{n}', String(int(10, 90))).replace('{k}', String(int(2, 9)));
  const files = new Map<string, string>();
  const perConference = options.talksPerConference ?? 20;
  const conferences = Math.max(1, Math.ceil(options.talks / perConference));

  // Tags: the vocabulary, and a skewed popularity so that a few tags collect many talks, as in real archives.
  files.set(
    'tags.yaml',
    '# Synthetic benchmark content (scripts/bench.ts).\n' +
      TAGS.map(
        ([id, zh, en]) =>
          `- id: ${id}\n  label: { zh: ${str(zh)}, en: ${str(en)} }\n  description: { zh: ${str(`关于${zh}的演讲。`)}, en: ${str(`Talks about ${en.toLowerCase()}.`)} }`,
      ).join('\n') +
      '\n',
  );
  const pickTag = () => TAGS[Math.floor(TAGS.length * next() ** 2)][0];

  // Speakers: about one per four talks, plus five regulars who take one talk slot in ten.
  const speakerCount = Math.max(8, Math.ceil(options.talks / 4));
  const speakers: Array<{ id: string; zh: string; en: string }> = [];
  for (let index = 0; index < speakerCount; index++) {
    let zh: string;
    let en: string;
    if (next() < 0.75) {
      const [surname, surnameEn] = pick(SURNAMES);
      const [given, givenEn] = pick(GIVEN);
      zh = surname + given;
      en = `${surnameEn} ${givenEn}`;
    } else {
      en = `${pick(FIRST)} ${pick(LAST)}`;
      zh = en;
    }
    const id = `${en.toLowerCase().replace(/[^a-z]+/g, '-')}-${index + 1}`;
    speakers.push({ id, zh, en });
    files.set(
      `speakers/${id}.yaml`,
      `name: { zh: ${str(zh)}, en: ${str(en)} }\nromanization: ${str(en)}\ncompanies: []\nlinks:\n  - { label: ${str(`example.org/${id}`)}, url: ${str(`https://example.org/${id}`)} }\n`,
    );
  }
  const pickSpeaker = () => (next() < 0.1 ? speakers[int(0, 4)] : pick(speakers));

  let talkNumber = 0;
  for (let c = 0; c < conferences; c++) {
    const conf = `benchconf-${c + 1}`;
    const start = new Date(Date.UTC(2010, 2, 1) + c * 17 * 86_400_000).toISOString().slice(0, 10);
    const second = new Date(Date.parse(`${start}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const [cityZh, cityEn] = pick(CITIES);
    files.set(
      `conferences/${conf}/conference.yaml`,
      [
        `name: { zh: ${str(`基准大会 ${c + 1}`)}, en: ${str(`BenchConf ${c + 1}`)} }`,
        `edition: ${c + 1}`,
        `city: { zh: ${str(cityZh)}, en: ${str(cityEn)} }`,
        `venue: { zh: ${str(`${cityZh}国际会议中心`)}, en: ${str(`${cityEn} International Convention Centre`)} }`,
        `start: "${start}T09:00:00+08:00"`,
        `end: "${second}T18:00:00+08:00"`,
        `organizer: { name: { zh: "基准社区", en: "Bench Community" }, url: "https://example.org/benchconf" }`,
        'slots:',
        '  - { day: 1, start: "08:30", end: "09:00", kind: registration }',
        '  - { day: 1, start: "12:00", end: "13:00", kind: lunch }',
        '  - { day: 2, start: "12:00", end: "13:00", kind: lunch }',
        '',
      ].join('\n'),
    );
    files.set(
      `conferences/${conf}/zh.md`,
      `---\ntitle: 关于这次大会\n---\n\n## 总体印象\n\n基准大会 ${c + 1} 在${cityZh}举行，两天共 ${perConference} 场演讲。${sentenceZh()}${sentenceZh()}\n`,
    );
    files.set(
      `conferences/${conf}/en.md`,
      `---\ntitle: About the conference\n---\n\n## Overall impressions\n\nBenchConf ${c + 1} took place in ${cityEn}: two days, ${perConference} talks. ${sentenceEn()} ${sentenceEn()}\n`,
    );

    const count = Math.min(perConference, options.talks - c * perConference);
    for (let slot = 0; slot < count; slot++) {
      talkNumber++;
      const day = slot < 10 ? 1 : 2;
      const inDay = slot % 10;
      // Four talks before lunch (09:00-12:00), six after (13:00-17:30).
      const begin = inDay < 4 ? 9 * 60 + inDay * 45 : 13 * 60 + (inDay - 4) * 45;
      const clock = (total: number) => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
      const tech = pick(TECH);
      const noun = int(0, NOUNS_EN.length - 1);
      const titleEn = pick([
        `${NOUNS_EN[noun][0].toUpperCase()}${NOUNS_EN[noun].slice(1)} in ${tech}`,
        `What we learned running ${tech}`,
        `${tech} at scale: the ${NOUNS_EN[noun]}`,
        `A faster ${NOUNS_EN[noun]} with ${tech}`,
      ]);
      const titleZh = pick([
        `用 ${tech} 实现${NOUNS_ZH[noun]}`,
        `${tech} 实战：${NOUNS_ZH[noun]}`,
        `${NOUNS_ZH[noun]}的${int(3, 9)}个教训`,
        `${tech} 在大规模场景下的${NOUNS_ZH[noun]}`,
      ]);
      const id = `${titleEn
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .split('-')
        .slice(0, 5)
        .join('-')}-${talkNumber}`;
      const people = [pickSpeaker()];
      if (next() < 0.2) {
        const other = pickSpeaker();
        if (other.id !== people[0].id) people.push(other);
      }
      const tags = [...new Set(Array.from({ length: int(2, 4) }, pickTag))];
      while (tags.length < 2) tags.push(TAGS.find(([tagId]) => !tags.includes(tagId))![0]);
      files.set(
        `talks/${conf}/${id}/talk.yaml`,
        [
          `conference: ${conf}`,
          `day: ${day}`,
          `start: "${clock(begin)}"`,
          `end: "${clock(begin + 45)}"`,
          `speakers: [${people.map((person) => person.id).join(', ')}]`,
          `title: { zh: ${str(titleZh)}, en: ${str(titleEn)} }`,
          `tags: [${tags.join(', ')}]`,
          `slides: ${str(`https://example.org/slides/${id}.pdf`)}`,
          '',
        ].join('\n'),
      );
      const table = next() < 1 / 3;
      files.set(`talks/${conf}/${id}/zh.md`, reviewZh(people.map((p) => p.zh).join('、'), titleZh, tech, table));
      files.set(`talks/${conf}/${id}/en.md`, reviewEn(people.map((p) => p.en).join(' and '), titleEn, tech, table));
    }
  }
  return files;

  function sentenceZh(): string {
    const tech = pick(TECH);
    return `${pick(WHO_ZH)}${pick(WHEN_ZH)}用 ${tech} ${pick(VERBS_ZH)}${pick(NOUNS_ZH)}，${fill(pick(RESULT_ZH))}；${pick(OPINION_ZH)}。`;
  }

  function sentenceEn(): string {
    return `${pick(WHO_EN)} ${pick(VERBS_EN)} the ${pick(NOUNS_EN)} in ${pick(TECH)} ${pick(WHEN_EN)}, and ${fill(pick(RESULT_EN))}; ${pick(OPINION_EN)}.`;
  }

  function paragraphs(sentence: () => string, enough: (text: string) => boolean, count: number): string[] {
    const sentences: string[] = [];
    while (!enough(sentences.join(''))) sentences.push(sentence());
    const joiner = sentences[0].endsWith('。') ? '' : ' ';
    return Array.from({ length: count }, (_, index) =>
      sentences.slice(Math.floor((index * sentences.length) / count), Math.floor(((index + 1) * sentences.length) / count)).join(joiner),
    );
  }

  function consoleBlock(): string {
    const pkg = pick(['cache', 'router', 'store', 'codec', 'pool']);
    return pick([
      [
        '```console',
        `$ go test -bench=. -benchmem ./${pkg}/...`,
        'goos: linux',
        'goarch: amd64',
        `Benchmark${pkg[0].toUpperCase()}${pkg.slice(1)}Get-8   \t${int(1, 9)}000000\t       ${int(100, 999)} ns/op\t     ${int(0, 512)} B/op\t       ${int(0, 9)} allocs/op`,
        'PASS',
        `ok  \texample.org/${pkg}\t${int(1, 9)}.${int(100, 999)}s`,
        '```',
      ],
      [
        '```console',
        `$ curl -s http://localhost:${int(8000, 8999)}/healthz`,
        `{"status":"ok","uptime":"${int(1, 23)}h${int(10, 59)}m"}`,
        `$ ${pkg}ctl status --verbose`,
        `${pkg}: running, ${int(2, 64)} workers, queue depth ${int(0, 999)}`,
        '```',
      ],
      [
        '```console',
        `$ kubectl get pods -l app=${pkg}`,
        'NAME                     READY   STATUS    RESTARTS   AGE',
        `${pkg}-${int(1000, 9999)}-abcde      1/1     Running   0          ${int(2, 59)}m`,
        `${pkg}-${int(1000, 9999)}-fghij      1/1     Running   ${int(0, 3)}          ${int(2, 59)}m`,
        '```',
      ],
    ]).join('\n');
  }

  function configBlock(): string {
    return pick([
      [
        '```yaml',
        'server:',
        `  listen: ":${int(8000, 8999)}"`,
        `  workers: ${int(2, 64)}`,
        'cache:',
        `  size: ${int(64, 1024)}MB`,
        `  ttl: ${int(5, 300)}s`,
        '```',
      ],
      [
        '```toml',
        '[server]',
        `listen = ":${int(8000, 8999)}"`,
        `workers = ${int(2, 64)}`,
        '',
        '[retry]',
        `attempts = ${int(2, 9)}`,
        `backoff = "${int(50, 900)}ms"`,
        '```',
      ],
      ['```json', '{', `  "listen": ":${int(8000, 8999)}",`, `  "shards": ${int(2, 128)},`, `  "replicas": ${int(1, 5)}`, '}', '```'],
    ]).join('\n');
  }

  function tableBlock(lang: 'zh' | 'en'): string {
    const head = lang === 'zh' ? '| 版本 | 延迟（毫秒） | 内存（MB） |' : '| Version | Latency (ms) | Memory (MB) |';
    return [head, '|---|---:|---:|', ...[1, 2, 3].map((v) => `| v${v}.${int(0, 9)} | ${int(1, 99)} | ${int(16, 900)} |`)].join('\n');
  }

  function reviewZh(who: string, title: string, tech: string, table: boolean): string {
    const [first, second] = twoHeadings(HEADINGS_ZH);
    const prose = paragraphs(sentenceZh, (text) => chineseChars(text) >= 575, 5);
    return [
      '---',
      `heading: ${str(`${who}${/[A-Za-z]$/.test(who) ? ' ' : ''}谈“${title}”`)}`,
      `verdict: ${str(`${pick(OPINION_ZH)}，值得一读。`)}`,
      '---',
      '',
      prose[0],
      '',
      prose[1],
      '',
      `## ${first}`,
      '',
      prose[2],
      '',
      consoleBlock(),
      '',
      ...(table ? [tableBlock('zh'), ''] : []),
      prose[3],
      '',
      `## ${second}`,
      '',
      `${prose[4]}相关文档见 [${tech} 官网](https://example.org/${tech.toLowerCase()})。`,
      '',
      configBlock(),
      '',
    ].join('\n');
  }

  function reviewEn(who: string, title: string, tech: string, table: boolean): string {
    const [first, second] = twoHeadings(HEADINGS_EN);
    const prose = paragraphs(sentenceEn, (text) => englishWords(text) >= 325, 5);
    return [
      '---',
      `heading: ${str(`${who} on “${title}”`)}`,
      `verdict: ${str(`${capitalized(pick(OPINION_EN))}: worth reading.`)}`,
      '---',
      '',
      prose[0],
      '',
      prose[1],
      '',
      `## ${first}`,
      '',
      prose[2],
      '',
      consoleBlock(),
      '',
      ...(table ? [tableBlock('en'), ''] : []),
      prose[3],
      '',
      `## ${second}`,
      '',
      `${prose[4]} The [${tech} documentation](https://example.org/${tech.toLowerCase()}) has the details.`,
      '',
      configBlock(),
      '',
    ].join('\n');
  }

  function capitalized(text: string): string {
    return text[0].toUpperCase() + text.slice(1);
  }

  function twoHeadings(headings: readonly string[]): [string, string] {
    const first = int(0, headings.length - 1);
    const second = (first + int(1, headings.length - 1)) % headings.length;
    return [headings[first], headings[second]];
  }
}
