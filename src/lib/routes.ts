/** getStaticPaths helpers shared by the routes. */
import { LANGS, type Lang } from './schema.ts';

export const langPaths = () => LANGS.map((lang) => ({ params: { lang } }));

/** One path per language per item: [{ params: { lang, ...params(item) }, props: { item } }]. */
export function perLanguage<T, P extends Record<string, string>>(items: readonly T[], params: (item: T) => P) {
  return LANGS.flatMap((lang: Lang) => items.map((item) => ({ params: { lang, ...params(item) }, props: { item } })));
}
