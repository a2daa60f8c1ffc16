/**
 * Every interface string, one dictionary per language. The English dictionary's type is derived from the Chinese
 * one, so a key missing in either language is a type error, not a blank on the page.
 */
import type { Lang } from './schema.ts';
import { HAN, HAN_SOURCE } from './site-constants.ts';

const zh = {
  'site.name': 'confnotes',
  'site.tagline': '中英双语的技术大会笔记',
  'lang.name': '简体中文',
  'lang.switch': 'English',
  'lang.switchLabel': '切换到英文版',
  'nav.label': '主导航',
  'nav.home': '首页',
  'nav.speakers': '讲师',
  'nav.tags': '标签',
  'skip': '跳到正文',
  'theme.toggle': '切换深浅色',
  'theme.light': '浅色',
  'theme.dark': '深色',
  'home.title': '大会与指南',
  'home.intro': '技术大会的演讲点评与实践指南，简体中文与英文对照。',
  'home.conferences': '大会',
  'home.guides': '指南',
  'home.talkCount': '{n} 场演讲',
  'conf.schedule': '日程',
  'conf.day': '第 {n} 天',
  'conf.dayLabel': '第 {n} 天 · {date}',
  'conf.venue': '地点',
  'conf.dates': '时间',
  'conf.organizer': '发起人',
  'conf.sponsors': '赞助与合作',
  'conf.links': '相关链接',
  'conf.summary': '大会综述',
  'conf.edition': '第 {n} 届',
  'conf.allRooms': '全体',
  'conf.mainRoom': '主会场',
  'conf.timesIn': '时间均为大会当地时间：{zone}。',
  'conf.data': '日程数据',
  'conf.dataIntro': '整份日程可以导入日历或其他工具：',
  'conf.calendar': '加入日历（iCalendar）',
  'conf.json': 'JSON（c3voc schedule.json）',
  'conf.xml': 'XML（frab schedule.xml）',
  'tz.mine': '换成我的时区（{zone}）',
  'tz.theirs': '换回大会时间（{zone}）',
  'kind.keynote': '主题演讲',
  'kind.talk': '演讲',
  'kind.lightning': '闪电演讲',
  'kind.panel': '圆桌讨论',
  'kind.workshop': '工作坊',
  'kind.training': '培训',
  'kind.qa': '问答',
  'kind.registration': '签到',
  'kind.opening': '开场',
  'kind.welcome': '主持人致辞',
  'kind.closing': '闭幕',
  'kind.break': '茶歇',
  'kind.lunch': '午餐',
  'kind.meal': '用餐',
  'kind.party': '晚间聚会',
  'kind.other': '其他',
  'tier.co-organizer': '联合主办',
  'slot.sponsors': '赞助：{names}',
  'tier.diamond': '钻石赞助',
  'tier.platinum': '白金赞助',
  'tier.gold': '黄金赞助',
  'tier.silver': '白银赞助',
  'tier.bronze': '青铜赞助',
  'tier.partner': '合作伙伴',
  'tier.media': '媒体伙伴',
  'tier.community': '社区伙伴',
  'talk.officialTitles': '官方标题',
  'talk.officialZh': '中文',
  'talk.officialEn': '英文',
  'talk.officialTitle': '官方标题',
  'talk.ourTranslation': '本站译名',
  'talk.room': '会场',
  'talk.kind': '形式',
  'talk.calendar': '加入日历',
  'talk.speakers': '讲师',
  'talk.when': '时间',
  'talk.tags': '标签',
  'talk.slides': '幻灯片（PDF）',
  'talk.links': '提到的项目',
  'talk.review': '点评',
  'talk.verdict': '一句话点评',
  'talk.note.correction': '更正',
  'talk.note.official': '官方页面勘误',
  'talk.note.context': '说明',
  'talk.prev': '上一场',
  'talk.next': '下一场',
  'talk.pager': '按日程前后翻看',
  'talk.untranslated': '这篇点评还没有中文版。',
  'talk.readOriginal': '阅读英文原文',
  'credit.text': '本页根据{author}的原文《{title}》（{date}）整理改写，点评观点属于原作者。',
  'credit.list': '本页的一句话点评摘自{author}的原文《{title}》（{date}）的改写，观点属于原作者。',
  'credit.guide': '本指南根据{author}的原文《{title}》（{date}）整理改写，做法和经验判断出自原作者；标明为本站补记的内容除外。',
  'speakers.title': '讲师',
  'speakers.intro': '按讲师浏览全部演讲。',
  'speakers.talks': '演讲',
  'speakers.more': '另有 {n} 场演讲',
  'speakers.aka': '其他写法',
  'speakers.company': '所在公司',
  'speakers.links': '链接',
  'tags.title': '标签',
  'tags.intro': '按主题浏览演讲与指南。',
  'tags.count': '{n} 场',
  'tags.guideCount': '{n} 篇指南',
  'paging.label': '分页',
  'paging.prev': '上一页',
  'paging.next': '下一页',
  'paging.page': '第 {n} 页',
  'paging.title': '{title}（第 {n} 页）',
  'guide.published': '原文发表于 {date}',
  'guide.guides': '指南',
  'guide.contents': '目录',
  'guide.untranslated': '这篇指南还没有中文版。',
  'code.download': '下载',
  'code.copy': '复制',
  'code.copied': '已复制',
  // Copy, download and the coreos-vagrant guide's form (issue 5).
  'code.copyFile': '复制 {name}',
  'code.copyCode': '复制代码',
  'code.copyCommands': '复制命令',
  'code.copyCommand': '复制这条命令',
  'code.copyFailed': '没能复制，请选中文字后手动复制',
  'code.downloadFile': '下载 {name}',
  'code.shell': '终端',
  'guideConfig.title': '按你的环境改写',
  'guideConfig.intro': '改动下面的值，本页用到它们的命令和文件会随之改写，复制和下载得到的也是改写后的版本。默认值就是原文的取值。',
  'guideConfig.flavor': '系统',
  'guideConfig.flavorCoreos': 'CoreOS，2015 年（原文的做法）',
  'guideConfig.flavorFlatcar': 'Flatcar，今天',
  'guideConfig.flatcarNote': 'Flatcar 只改下载地址、box 名、文件名和 Vagrantfile 第 51 行。集群的 user-data 仍是 2015 年的 etcd2 写法，今天的 Flatcar 已经跑不了它：原因和替代做法见“{section}”。',
  // The heading of that part of the guide's "today" section: the form links to it by this exact text.
  'guideConfig.flatcarSection': 'Flatcar 上的 user-data 要重写',
  'guideConfig.channel': '通道',
  'guideConfig.version': '版本',
  'guideConfig.versionHint': '形如 717.3.0。',
  'guideConfig.checksum': 'box 的 sha256 校验和',
  'guideConfig.checksumHint': '下载的 JSON 里 checksum 的值，或对 box 文件执行 sha256sum 的结果。',
  'guideConfig.mirror': '本地镜像',
  'guideConfig.mirrorHint': '存放 box 和 JSON 的 http(s) 地址，或本地目录（例如 /srv/coreos，不需要服务器）。',
  'guideConfig.instances': '集群机器数',
  'guideConfig.instancesHint': '1 到 154 台，私有 IP 从 172.17.8.101 起。',
  'guideConfig.token': '发现服务 token',
  'guideConfig.tokenHint': '32 位十六进制数字；也可以粘贴完整的 https://discovery.etcd.io/… 地址。',
  'guideConfig.naming': 'etcd 成员名（集群）',
  'guideConfig.namingMachineId': '不写 name，用各自的机器 ID',
  'guideConfig.namingPrivateIp': '用各自的私有 IP（$private_ipv4）',
  'guideConfig.namingFixed': '固定一个名字（只适用于一台机器）',
  'guideConfig.memberName': '固定的名字',
  'guideConfig.reset': '恢复原文的取值',
  'guideConfig.blocked': '有 {n} 段代码暂时保持原样，改正上面标出的错误后才会更新。',
  'guideConfig.error.required': '请填写这一项。',
  'guideConfig.error.choice': '请从列表中选择。',
  'guideConfig.error.version': '版本号应为 N.N.N 的形式，例如 717.3.0。',
  'guideConfig.error.checksum': '应为 64 位十六进制数字。',
  'guideConfig.error.checksumOtherBox': '这是 CoreOS stable 717.3.0 那个 box 的校验和；换了系统、通道或版本，请填新 JSON 里的 checksum。',
  'guideConfig.error.mirror': '请填写以 http:// 或 https:// 开头的地址（不带 ? 和 #），或以 / 或盘符开头的本地路径。',
  'guideConfig.error.instances': '请填写整数。',
  'guideConfig.error.instancesMin': '至少要有 1 台。',
  'guideConfig.error.instancesMax': '最多 154 台：私有 IP 从 172.17.8.101 排到 172.17.8.254 为止。',
  'guideConfig.error.token': '应为 32 位十六进制数字（0–9、a–f）。',
  'guideConfig.error.duplicateNames': '多台机器会用同一个名字，而 etcd 要求每个成员名字不同：请改用机器 ID 或私有 IP。',
  'guideConfig.error.memberName': '只能用字母、数字、点、下划线和连字符，以字母或数字开头。',
  'notfound.title': '找不到这个页面',
  'notfound.body': '链接可能已经失效。可以回到首页继续浏览。',
  'footer.source': '用 confnotes 生成',
  'feed.title': '演讲点评与指南',
  'list.separator': '、',
  'label.colon': '：',
  'search.label': '搜索本站',
  'search.placeholder': '讲师、标签或关键词',
  'search.submit': '搜索',
  'search.title': '搜索',
  'search.intro': '按讲师、标签或任意词语查找演讲、指南与大会。在任何页面按 / 或 Ctrl+K 都能开始搜索。',
  'search.field': '搜索词',
  'search.filters': '筛选',
  'search.facet.kind': '类型',
  'search.facet.speaker': '讲师',
  'search.facet.tag': '标签',
  'search.facet.day': '日期',
  'search.facet.conference': '大会',
  'search.kind.talk': '演讲',
  'search.kind.guide': '指南',
  'search.kind.conference': '大会',
  'search.apply': '应用筛选',
  'search.clear': '清除筛选',
  'search.prompt': '输入词语，或选择一个筛选条件。',
  'search.loading': '正在搜索…',
  'search.count': '{n} 条结果',
  'search.countOne': '1 条结果',
  'search.none': '没有找到符合条件的内容。',
  'search.noneTry': '可以这样再试一次：',
  'search.noneFewer': '少用几个词，只留最关键的一个。',
  'search.noneSpelling': '换一种写法：拼音（如 liuqi）、繁体字和英文名都能找到。',
  'search.noneBrowse': '或者按讲师、按标签浏览全部演讲：',
  'search.pageIn.en': '英文页面',
  'search.pageIn.zh': '中文页面',
  'search.error': '搜索暂时无法使用。',
  'search.more': '显示更多结果',
  'search.results': '搜索结果',
  'search.noscript': '搜索需要 JavaScript。也可以按讲师或按标签浏览全部演讲。',
} as const;

export type UiKey = keyof typeof zh;

const en: Record<UiKey, string> = {
  'site.name': 'confnotes',
  'site.tagline': 'Conference notes in Chinese and English',
  'lang.name': 'English',
  'lang.switch': '简体中文',
  'lang.switchLabel': 'Switch to Simplified Chinese',
  'nav.label': 'Main',
  'nav.home': 'Home',
  'nav.speakers': 'Speakers',
  'nav.tags': 'Tags',
  'skip': 'Skip to content',
  'theme.toggle': 'Toggle light and dark theme',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'home.title': 'Conferences and guides',
  'home.intro': 'Talk reviews from tech conferences and hands-on guides, in Simplified Chinese and English.',
  'home.conferences': 'Conferences',
  'home.guides': 'Guides',
  'home.talkCount': '{n} talks',
  'conf.schedule': 'Schedule',
  'conf.day': 'Day {n}',
  'conf.dayLabel': 'Day {n} · {date}',
  'conf.venue': 'Venue',
  'conf.dates': 'Dates',
  'conf.organizer': 'Organizer',
  'conf.sponsors': 'Sponsors and partners',
  'conf.links': 'Links',
  'conf.summary': 'About the conference',
  'conf.edition': 'Edition {n}',
  'conf.allRooms': 'All rooms',
  'conf.mainRoom': 'Main room',
  'conf.timesIn': 'Times are local to the conference: {zone}.',
  'conf.data': 'Schedule as data',
  'conf.dataIntro': 'Take the whole schedule into a calendar or another tool:',
  'conf.calendar': 'Add to calendar (iCalendar)',
  'conf.json': 'JSON (c3voc schedule.json)',
  'conf.xml': 'XML (frab schedule.xml)',
  'tz.mine': 'Show in my time zone ({zone})',
  'tz.theirs': 'Back to conference time ({zone})',
  'kind.keynote': 'Keynote',
  'kind.talk': 'Talk',
  'kind.lightning': 'Lightning talks',
  'kind.panel': 'Panel',
  'kind.workshop': 'Workshop',
  'kind.training': 'Training',
  'kind.qa': 'Q&A',
  'kind.registration': 'Registration',
  'kind.opening': 'Opening',
  'kind.welcome': 'Welcome from the host',
  'kind.closing': 'Closing',
  'kind.break': 'Break',
  'kind.lunch': 'Lunch',
  'kind.meal': 'Meal',
  'kind.party': 'Evening party',
  'kind.other': 'Other',
  'slot.sponsors': 'Sponsored by {names}',
  'tier.co-organizer': 'Co-organizer',
  'tier.diamond': 'Diamond',
  'tier.platinum': 'Platinum',
  'tier.gold': 'Gold',
  'tier.silver': 'Silver',
  'tier.bronze': 'Bronze',
  'tier.partner': 'Partner',
  'tier.media': 'Media partner',
  'tier.community': 'Community partner',
  'talk.officialTitles': 'Official titles',
  'talk.officialZh': 'Chinese',
  'talk.officialEn': 'English',
  'talk.officialTitle': 'Official title',
  'talk.ourTranslation': 'Our translation',
  'talk.room': 'Room',
  'talk.kind': 'Format',
  'talk.calendar': 'Add to calendar',
  'talk.speakers': 'Speakers',
  'talk.when': 'When',
  'talk.tags': 'Tags',
  'talk.slides': 'Slides (PDF)',
  'talk.links': 'Projects mentioned',
  'talk.review': 'Review',
  'talk.verdict': 'Verdict',
  'talk.note.correction': 'Correction',
  'talk.note.official': 'Correction to the official page',
  'talk.note.context': 'Note',
  'talk.prev': 'Previous talk',
  'talk.next': 'Next talk',
  'talk.pager': 'Talks in schedule order',
  'talk.untranslated': 'This review has no English version yet.',
  'talk.readOriginal': 'Read the Chinese original',
  'credit.text': 'Adapted from {title} by {author} ({date}); the opinions in the reviews are his.',
  'credit.list': 'The verdicts on this page are adapted from {title} by {author} ({date}); the opinions are his.',
  'credit.guide': 'Adapted from {title} by {author} ({date}); the method and the judgment calls are his, except where a section is marked as our addendum.',
  'speakers.title': 'Speakers',
  'speakers.intro': 'Browse every talk by its speaker.',
  'speakers.talks': 'Talks',
  'speakers.more': '{n} more talks',
  'speakers.aka': 'Also written',
  'speakers.company': 'Company',
  'speakers.links': 'Links',
  'tags.title': 'Tags',
  'tags.intro': 'Browse talks and guides by topic.',
  'tags.count': '{n} talks',
  'tags.guideCount': '{n} guides',
  'paging.label': 'Pages',
  'paging.prev': 'Previous page',
  'paging.next': 'Next page',
  'paging.page': 'Page {n}',
  'paging.title': '{title} (page {n})',
  'guide.published': 'Originally published {date}',
  'guide.guides': 'Guides',
  'guide.contents': 'Contents',
  'guide.untranslated': 'This guide has no English version yet.',
  'code.download': 'Download',
  'code.copy': 'Copy',
  'code.copied': 'Copied',
  'code.copyFile': 'Copy {name}',
  'code.copyCode': 'Copy code',
  'code.copyCommands': 'Copy commands',
  'code.copyCommand': 'Copy this command',
  'code.copyFailed': 'Could not copy; select the text and copy it by hand',
  'code.downloadFile': 'Download {name}',
  'code.shell': 'Shell',
  'guideConfig.title': 'Adapt to your setup',
  'guideConfig.intro': 'Change the values below and every command and file on this page that uses them is rewritten; copying and downloading give you the rewritten version. The defaults are the values from the post.',
  'guideConfig.flavor': 'System',
  'guideConfig.flavorCoreos': 'CoreOS, 2015 (as in the post)',
  'guideConfig.flavorFlatcar': 'Flatcar, today',
  'guideConfig.flatcarNote': 'Flatcar changes the download URLs, box names, file names and line 51 of the Vagrantfile only. The cluster user-data still follows the 2015 etcd2 setup, which current Flatcar cannot run: for why, and what replaces it, see “{section}”.',
  'guideConfig.flatcarSection': 'Flatcar today: the user-data must be rewritten',
  'guideConfig.channel': 'Channel',
  'guideConfig.version': 'Version',
  'guideConfig.versionHint': 'Like 717.3.0.',
  'guideConfig.checksum': 'Box sha256 checksum',
  'guideConfig.checksumHint': 'The checksum in the JSON you downloaded, or what sha256sum prints for the box file.',
  'guideConfig.mirror': 'Local mirror',
  'guideConfig.mirrorHint': 'The http(s) address that serves the box and the JSON, or a local folder (such as /srv/coreos, no server needed).',
  'guideConfig.instances': 'Machines in the cluster',
  'guideConfig.instancesHint': '1 to 154; private IPs start at 172.17.8.101.',
  'guideConfig.token': 'Discovery token',
  'guideConfig.tokenHint': '32 hexadecimal digits; pasting the whole https://discovery.etcd.io/… address works too.',
  'guideConfig.naming': 'etcd member names (cluster)',
  'guideConfig.namingMachineId': 'No name: each machine’s ID',
  'guideConfig.namingPrivateIp': 'Each machine’s private IP ($private_ipv4)',
  'guideConfig.namingFixed': 'One fixed name (a single machine only)',
  'guideConfig.memberName': 'Fixed name',
  'guideConfig.reset': 'Back to the post’s values',
  'guideConfig.blocked': '{n} code blocks stay as they were until the errors marked above are fixed.',
  'guideConfig.error.required': 'Please fill this in.',
  'guideConfig.error.choice': 'Please pick one from the list.',
  'guideConfig.error.version': 'Use the form N.N.N, for example 717.3.0.',
  'guideConfig.error.checksum': 'Must be 64 hexadecimal digits.',
  'guideConfig.error.checksumOtherBox': 'This is the checksum of the CoreOS stable 717.3.0 box; for another system, channel or version use the checksum in the new JSON.',
  'guideConfig.error.mirror': 'Use an address starting with http:// or https:// (without ? or #), or a local path starting with / or a drive letter.',
  'guideConfig.error.instances': 'Use a whole number.',
  'guideConfig.error.instancesMin': 'At least 1 machine.',
  'guideConfig.error.instancesMax': 'At most 154: private IPs run from 172.17.8.101 to 172.17.8.254.',
  'guideConfig.error.token': 'Must be 32 hexadecimal digits (0–9, a–f).',
  'guideConfig.error.duplicateNames': 'Every machine would get the same name, and etcd needs a different name for each member: use machine IDs or private IPs.',
  'guideConfig.error.memberName': 'Letters, digits, dots, underscores and hyphens only, starting with a letter or digit.',
  'notfound.title': 'Page not found',
  'notfound.body': 'The link may be out of date. The home page is a good place to start again.',
  'footer.source': 'Built with confnotes',
  'feed.title': 'Talk reviews and guides',
  'list.separator': ', ',
  'label.colon': ': ',
  'search.label': 'Search this site',
  'search.placeholder': 'Speaker, tag or words',
  'search.submit': 'Search',
  'search.title': 'Search',
  'search.intro': 'Find talks, guides and conferences by speaker, by tag or by any words. On any page, / or Ctrl+K starts a search.',
  'search.field': 'Search for',
  'search.filters': 'Filters',
  'search.facet.kind': 'Kind',
  'search.facet.speaker': 'Speaker',
  'search.facet.tag': 'Tag',
  'search.facet.day': 'Day',
  'search.facet.conference': 'Conference',
  'search.kind.talk': 'Talk',
  'search.kind.guide': 'Guide',
  'search.kind.conference': 'Conference',
  'search.apply': 'Apply filters',
  'search.clear': 'Clear filters',
  'search.prompt': 'Type some words, or pick a filter.',
  'search.loading': 'Searching…',
  'search.count': '{n} results',
  'search.countOne': '1 result',
  'search.none': 'Nothing matches this search.',
  'search.noneTry': 'You could try again with:',
  'search.noneFewer': 'fewer words, keeping only the one that matters most;',
  'search.noneSpelling': 'another spelling: pinyin (such as liuqi), Chinese characters, simplified or traditional, and English names all work.',
  'search.noneBrowse': 'Or browse every talk by speaker or by tag:',
  'search.pageIn.en': 'Page in English',
  'search.pageIn.zh': 'Page in Chinese',
  'search.error': 'Search is not available right now.',
  'search.more': 'Show more results',
  'search.results': 'Search results',
  'search.noscript': 'Search needs JavaScript. You can also browse every talk by speaker or by tag.',
};

const dictionaries: Record<Lang, Record<UiKey, string>> = { zh, en };

/**
 * Plural forms, by the categories of `Intl.PluralRules` ("one", "two", "few", …). The dictionary string is the
 * "other" form; a key listed here gets another form for a count in that category ("1 talk", not "1 talks").
 * Chinese has only "other", so it needs none.
 */
const pluralForms: Record<Lang, Partial<Record<UiKey, Partial<Record<Intl.LDMLPluralRule, string>>>>> = {
  zh: {},
  en: {
    'home.talkCount': { one: '{n} talk' },
    'tags.count': { one: '{n} talk' },
    'tags.guideCount': { one: '{n} guide' },
    'speakers.more': { one: '{n} more talk' },
    'guideConfig.blocked': { one: '{n} code block stays as it was until the errors marked above are fixed.' },
  },
};

/** The translator for one language: t('conf.day', { n: 2 }) → "第 2 天" / "Day 2"; a numeric `n` picks the plural form. */
export function useTranslations(lang: Lang) {
  const dictionary = dictionaries[lang];
  const rules = new Intl.PluralRules(htmlLang[lang]);
  return (key: UiKey, values: Record<string, string | number> = {}): string => {
    const forms = pluralForms[lang][key];
    const template = (forms && typeof values.n === 'number' && forms[rules.select(values.n)]) || dictionary[key];
    return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
  };
}

/** The value of the HTML `lang` attribute and of `hreflang` for each content language. */
export const htmlLang: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export const otherLang = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');

/** The separator of an inline list: 陈辉、刘奇 / Chen Hui, Liu Qi. */
export const listSeparator = (lang: Lang): string => dictionaries[lang]['list.separator'];

/** The colon after a label: full width in Chinese (时间：), a colon and a space in English (When: ). */
export const colon = (lang: Lang): string => dictionaries[lang]['label.colon'];

/** Joins names the way each language lists them: 陈辉、刘奇 / Chen Hui, Liu Qi. */
export function joinList(lang: Lang, items: readonly string[]): string {
  return items.join(listSeparator(lang));
}

/**
 * Dates for people, not machines: 2016 年 4 月 16 日 / April 16, 2016 (US English, like the site's spelling). Input is a
 * calendar date "YYYY-MM-DD".
 */
export function formatDate(lang: Lang, isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  if (lang === 'zh') return `${year} 年 ${month} 月 ${day} 日`;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${months[month - 1]} ${day}, ${year}`;
}

/** The language a piece of text is written in, by script: any Han character makes it Chinese. */
export const scriptLang = (text: string): Lang => (HAN.test(text) ? 'zh' : 'en');

/**
 * The `lang` attribute a piece of text needs on a page of `pageLang`: undefined when they agree, so markup only
 * carries `lang` where the language actually changes (an English official title on a Chinese page).
 */
export function langAttr(text: string, pageLang: Lang): string | undefined {
  const lang = scriptLang(text);
  return lang === pageLang ? undefined : htmlLang[lang];
}

/** "陈辉（蚂蚁金服）" / "Chen Hui (Ant Financial)". */
export const withParenthetical = (lang: Lang, main: string, extra?: string): string =>
  !extra ? main : lang === 'zh' ? `${main}（${extra}）` : `${main} (${extra})`;

/** Han characters, with the full-width punctuation and spaces that sit between them inside one Chinese phrase. */
const HAN_RUN = new RegExp(`${HAN_SOURCE}(?:[${HAN_SOURCE}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’·]*${HAN_SOURCE})?`, 'gu');

/**
 * Splits plain text into runs, marking each Chinese phrase inside English text with its `lang`, so a screen reader
 * switches voice and the browser picks a CJK font for just those characters (车轮大战 in an English verdict). On a
 * Chinese page, text stays one run: Latin words inside Chinese prose are normal there.
 */
export function langRuns(text: string, pageLang: Lang): Array<{ text: string; lang?: string }> {
  if (pageLang === 'zh' || !HAN.test(text)) return [{ text }];
  const runs: Array<{ text: string; lang?: string }> = [];
  let last = 0;
  for (const match of text.matchAll(HAN_RUN)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index) });
    runs.push({ text: match[0], lang: htmlLang.zh });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}
