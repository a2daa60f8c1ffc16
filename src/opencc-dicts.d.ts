/** opencc-js ships its dictionaries as modules without types: each exports "trad simp|trad simp|…". */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
