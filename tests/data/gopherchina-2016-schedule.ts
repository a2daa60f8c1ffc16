/**
 * The GopherChina 2016 schedule as ../shared/FACTS.md (the project's verified facts, outside this repository) gives it,
 * copied here as test data so the tests run in a clone that has only this repository.
 */
export type Bilingual = { zh: string; en: string };
export interface Row {
  /** Number on the official schedule, day.order. */
  no: string;
  talk: string;
  day: number;
  start: string;
  end: string;
  speaker: string;
  name: string;
  romanized: string;
  /** None for Dave Cheney: the schedule lists no company for him. */
  company: Bilingual | undefined;
  title: Bilingual;
  /** File name in gopherchina/conference/2016/, byte-exact. */
  slides: string;
}

/**
 * FACTS.md, "GopherChina 2016" table. The company column "蚂蚁金服 Ant Financial" is split into zh and en; extras in
 * it (Go team, CEO, formerly VeryCD, then "Grabtaxi") live in each speaker's company `note`. Dave Cheney has no
 * company listed ("Go contributor from Sydney" is a description, which his review gives). His talk was listed in
 * English on both schedules; "Writing High Performance Go" is the deck's title.
 */
export const SCHEDULE: Row[] = [
  { no: '1.1', talk: 'go-and-ai', day: 1, start: '09:10', end: '10:00', speaker: 'chen-hui', name: '陈辉', romanized: 'Chen Hui', company: { zh: '蚂蚁金服', en: 'Ant Financial' }, title: { zh: 'Go与人工智能', en: 'GO and AI' }, slides: '1.1 Go 人工智能 - 陈辉.pdf' },
  { no: '1.2', talk: 'distributed-database-in-go', day: 1, start: '10:05', end: '10:55', speaker: 'liu-qi', name: '刘奇', romanized: 'Liu Qi', company: { zh: 'PingCAP', en: 'PingCAP' }, title: { zh: 'Go在分布式数据库中的应用', en: 'Distributed Database System in Go' }, slides: '1.2 刘奇 Go在分布式数据库中的应用.pdf' },
  { no: '1.3', talk: 'baidu-bfe', day: 1, start: '11:00', end: '11:50', speaker: 'li-bingyi', name: '李炳毅', romanized: 'Li Bingyi', company: { zh: '百度', en: 'Baidu' }, title: { zh: 'Go在百度bfe的应用', en: 'Baidu BFE: Scalable HTTP Requests Routing Stack in Go' }, slides: '1.3 李炳毅 Go在百度BFE的应用 for Gopher China 2016.pdf' },
  { no: '1.4', talk: 'storage-systems-in-go', day: 1, start: '13:10', end: '14:00', speaker: 'mao-jian', name: '毛剑', romanized: 'Mao Jian', company: { zh: '哔哩哔哩', en: 'bilibili' }, title: { zh: 'Go在数据存储上面的应用', en: 'Storage Systems in Go' }, slides: '1.4 Go在数据存储上面的应用—毛剑.pdf' },
  { no: '1.5', talk: 'i18n-and-l10n-with-x-text', day: 1, start: '14:05', end: '14:55', speaker: 'marcel-van-lohuizen', name: 'Marcel van Lohuizen', romanized: 'Marcel van Lohuizen', company: { zh: 'Google', en: 'Google' }, title: { zh: 'Go如何解决i18n和i13n问题', en: 'How Go Solved the problems of i18n and i13n' }, slides: '1.5 I18n and L10n for Go using x_text.pdf' },
  { no: '1.6', talk: 'building-web-applications', day: 1, start: '15:15', end: '16:05', speaker: 'mi-jia', name: '米嘉', romanized: 'Mi Jia', company: { zh: '盈米财富', en: 'YingMi' }, title: { zh: 'Go如何构建Web应用', en: 'Building Web Applications With Go' }, slides: '1.6 米嘉 gobuildweb.pdf' },
  { no: '1.7', talk: 'improving-go-performance', day: 1, start: '16:10', end: '17:00', speaker: 'deng-hongchao', name: '邓洪超', romanized: 'Deng Hongchao', company: { zh: 'CoreOS', en: 'CoreOS' }, title: { zh: 'Go的程序性能调优', en: 'Improving Performance of Go Program' }, slides: '1.7 Go在分布式系统的性能调试和优化.pdf' },
  { no: '1.8', talk: 'go-on-mobile', day: 1, start: '17:05', end: '17:55', speaker: 'shen-sheng', name: '沈晟', romanized: 'Shen Sheng', company: { zh: '心动网络', en: 'XD.com' }, title: { zh: 'Golang在移动客户端开发中的应用', en: 'Building Mobile Applications With Go' }, slides: '1.8 沈晟 Golang在移动客户端开发中的应用.pdf' },
  { no: '2.1', talk: 'writing-high-performance-go', day: 2, start: '09:00', end: '09:50', speaker: 'dave-cheney', name: 'Dave Cheney', romanized: 'Dave Cheney', company: undefined, title: { zh: 'How to Write high performance application', en: 'How to Write high performance application' }, slides: '2.1 Writing High Performance Go.pdf' },
  { no: '2.2', talk: 'go-for-cdn', day: 2, start: '09:55', end: '10:45', speaker: 'wu-xiaowei', name: '吴小伟', romanized: 'Wu Xiaowei', company: { zh: '阿里云', en: 'Aliyun' }, title: { zh: 'Go在CDN系统的应用', en: 'Go for CDN Services' }, slides: '2.2 Go在阿里云CDN系统的应用.pdf' },
  { no: '2.3', talk: 'microservice-management', day: 2, start: '10:50', end: '11:40', speaker: 'xu-shiwei', name: '许式伟', romanized: 'Xu Shiwei', company: { zh: '七牛', en: 'Qiniu' }, title: { zh: '谈谈服务治理', en: 'MicroService Management' }, slides: '2.3 service-governance.pdf' },
  { no: '2.4', talk: 'distributed-docker', day: 2, start: '13:00', end: '13:50', speaker: 'sun-hongliang', name: '孙宏亮', romanized: 'Sun Hongliang', company: { zh: 'DaoCloud', en: 'DaoCloud' }, title: { zh: 'Go在分布式docker里面的应用', en: 'Distributed Docker System' }, slides: '2.4 Go在分布式docker里面的应用_孙宏亮.pdf' },
  { no: '2.5', talk: 'xiaomi-devops-platform', day: 2, start: '13:55', end: '14:45', speaker: 'gao-bushuang', name: '高步双', romanized: 'Gao Bushuang', company: { zh: '小米', en: 'Xiaomi' }, title: { zh: 'Go在小米网运维平台的应用与实践', en: "Xiaomi's Best Practice of Devops Platform in Go" }, slides: '2.5 高步双 Go在小米商城运维平台的应用与实践.pdf' },
  { no: '2.6', talk: 'testing-ci-and-deploy', day: 2, start: '15:05', end: '15:55', speaker: 'zhao-chang', name: '赵畅', romanized: 'Zhao Chang', company: { zh: 'Grab', en: 'Grab' }, title: { zh: 'Golang项目的测试，持续集成以及部署策略', en: 'Golang testing CI and deploy' }, slides: '2.6 Golang项目的测试，持续集成以及部署策略.pdf' },
  { no: '2.7', talk: 'netease-upload-acceleration', day: 2, start: '15:55', end: '16:45', speaker: 'sun-jianliang', name: '孙建良', romanized: 'Sun Jianliang', company: { zh: '网易', en: 'NetEase' }, title: { zh: 'Go在网易广域网上传加速系统中的应用', en: "Go for Netease's Upload Acceleration in WAN" }, slides: '2.7 Go在网易广域网上传加速系统中的应用.pdf' },
];
