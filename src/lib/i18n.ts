/**
 * Every interface string, one dictionary per language. The English dictionary's type is derived from the Chinese
 * one, so a key missing in either language is a type error, not a blank on the page.
 */
import type { Lang } from './schema.ts';

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
  'slot.registration': '签到',
  'slot.opening': '开场',
  'slot.welcome': '主持人致辞',
  'slot.break': '茶歇',
  'slot.lunch': '午餐',
  'slot.party': '晚间聚会',
  'tier.co-organizer': '协办',
  'tier.diamond': '钻石赞助',
  'tier.platinum': '白金赞助',
  'tier.gold': '黄金赞助',
  'tier.silver': '白银赞助',
  'tier.partner': '合作伙伴',
  'talk.officialTitles': '官方标题',
  'talk.officialZh': '中文',
  'talk.officialEn': '英文',
  'talk.speakers': '讲师',
  'talk.when': '时间',
  'talk.tags': '标签',
  'talk.slides': '幻灯片（PDF）',
  'talk.links': '提到的项目',
  'talk.review': '点评',
  'talk.verdict': '一句话点评',
  'talk.note': '更正',
  'talk.prev': '上一场',
  'talk.next': '下一场',
  'talk.pager': '按日程前后翻看',
  'talk.untranslated': '这篇点评还没有中文版。',
  'talk.readOriginal': '阅读英文原文',
  'credit.text': '本页根据{author}的原文《{title}》（{date}）整理改写，点评观点属于原作者。',
  'speakers.title': '讲师',
  'speakers.intro': '按讲师浏览全部演讲。',
  'speakers.talks': '演讲',
  'speakers.aka': '其他写法',
  'speakers.company': '所在公司',
  'speakers.links': '链接',
  'tags.title': '标签',
  'tags.intro': '按主题浏览演讲。',
  'tags.count': '{n} 场',
  'guide.published': '原文发表于 {date}',
  'guide.guides': '指南',
  'guide.contents': '目录',
  'code.download': '下载',
  'code.copy': '复制',
  'code.copied': '已复制',
  'notfound.title': '找不到这个页面',
  'notfound.body': '链接可能已经失效。可以回到首页继续浏览。',
  'footer.source': '用 confnotes 生成',
  'list.separator': '、',
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
  'slot.registration': 'Registration',
  'slot.opening': 'Opening',
  'slot.welcome': 'Welcome from the host',
  'slot.break': 'Break',
  'slot.lunch': 'Lunch',
  'slot.party': 'Evening party',
  'tier.co-organizer': 'Co-organizer',
  'tier.diamond': 'Diamond',
  'tier.platinum': 'Platinum',
  'tier.gold': 'Gold',
  'tier.silver': 'Silver',
  'tier.partner': 'Partner',
  'talk.officialTitles': 'Official titles',
  'talk.officialZh': 'Chinese',
  'talk.officialEn': 'English',
  'talk.speakers': 'Speakers',
  'talk.when': 'When',
  'talk.tags': 'Tags',
  'talk.slides': 'Slides (PDF)',
  'talk.links': 'Projects mentioned',
  'talk.review': 'Review',
  'talk.verdict': 'Verdict',
  'talk.note': 'Correction',
  'talk.prev': 'Previous talk',
  'talk.next': 'Next talk',
  'talk.pager': 'Talks in schedule order',
  'talk.untranslated': 'This review has no English version yet.',
  'talk.readOriginal': 'Read the Chinese original',
  'credit.text': 'Adapted from {title} by {author} ({date}); the opinions in the reviews are his.',
  'speakers.title': 'Speakers',
  'speakers.intro': 'Browse every talk by its speaker.',
  'speakers.talks': 'Talks',
  'speakers.aka': 'Also written',
  'speakers.company': 'Company',
  'speakers.links': 'Links',
  'tags.title': 'Tags',
  'tags.intro': 'Browse talks by topic.',
  'tags.count': '{n} talks',
  'guide.published': 'Originally published {date}',
  'guide.guides': 'Guides',
  'guide.contents': 'Contents',
  'code.download': 'Download',
  'code.copy': 'Copy',
  'code.copied': 'Copied',
  'notfound.title': 'Page not found',
  'notfound.body': 'The link may be out of date. The home page is a good place to start again.',
  'footer.source': 'Built with confnotes',
  'list.separator': ', ',
};

const dictionaries: Record<Lang, Record<UiKey, string>> = { zh, en };

/** The translator for one language: t('conf.day', { n: 2 }) → "第 2 天" / "Day 2". */
export function useTranslations(lang: Lang) {
  const dictionary = dictionaries[lang];
  return (key: UiKey, values: Record<string, string | number> = {}): string =>
    dictionary[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** The value of the HTML `lang` attribute and of `hreflang` for each content language. */
export const htmlLang: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export const otherLang = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');

/** Joins names the way each language lists them: 陈辉、刘奇 / Chen Hui, Liu Qi. */
export function joinList(lang: Lang, items: readonly string[]): string {
  return items.join(dictionaries[lang]['list.separator']);
}

/** Dates for people, not machines: 2016 年 4 月 16 日 / 16 April 2016. Input is a calendar date "YYYY-MM-DD". */
export function formatDate(lang: Lang, isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  if (lang === 'zh') return `${year} 年 ${month} 月 ${day} 日`;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${day} ${months[month - 1]} ${year}`;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The language a piece of text is written in, by script: any Han character makes it Chinese. */
export const scriptLang = (text: string): Lang => (CJK.test(text) ? 'zh' : 'en');

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
