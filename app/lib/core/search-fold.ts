/**
 * Accent-tolerant search: a name and a search term are both folded (lower case, the
 * diacritics of European Latin letters removed), so "malmo" finds "Malmö". The database
 * folds a company's name the same way in the generated column `companies.search_name`
 * (migration 0011 copies these two strings; tests/integration/company-list.test.ts compares the
 * SQL and this function on every letter).
 */
export const FOLD_FROM = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťţùúûüūůűųýÿźżž";
export const FOLD_TO = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrsssttuuuuuuuuyyzzz";

const FOLD = new Map([...FOLD_FROM].map((c, i) => [c, FOLD_TO[i]]));

/** `text` lower-cased with its diacritics folded (ß, æ, œ and þ are kept as they are). */
export function foldForSearch(text: string): string {
  let out = "";
  for (const c of text.toLowerCase()) out += FOLD.get(c) ?? c;
  return out;
}
