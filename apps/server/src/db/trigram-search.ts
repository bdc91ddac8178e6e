/**
 * The FTS5 query of a keyword on a trigram index (SQLite). A phrase query (`"…"`) matches the keyword
 * as a substring, but it reads the posting list of every trigram in it, and in the names companies
 * give themselves a few trigrams are everywhere: at a million contracts "有限公" and "限公司" are in
 * two thirds of the rows, and the phrase `"鼎盛科技有限公司12"` took 15 ms where its rarer pieces
 * `"鼎盛科技有限" AND "公司12"` take 4. So the keyword is split around the trigrams of the words
 * below, the pieces are searched together, and the caller checks the whole keyword on the few
 * rows they find (`exact` false). A keyword made only of such words is searched whole.
 */

/** Words in most company names: their trigrams match too many rows to narrow a search. */
const UBIQUITOUS_WORDS = ['股份有限公司', '有限责任公司', '集团有限公司', 'co., ltd.', 'limited', 'company'];

const TRIGRAM = 3;

const ubiquitousTrigrams: ReadonlySet<string> = new Set(
  UBIQUITOUS_WORDS.flatMap((word) => trigramsOf([...word]).map((trigram) => trigram.join(''))),
);

function trigramsOf(characters: readonly string[]): string[][] {
  const trigrams: string[][] = [];
  for (let start = 0; start + TRIGRAM <= characters.length; start++)
    trigrams.push(characters.slice(start, start + TRIGRAM));
  return trigrams;
}

const phrase = (text: string) => `"${text.replaceAll('"', '""')}"`;

export interface TrigramQuery {
  /** The FTS5 MATCH expression. */
  match: string;
  /** Whether a row it matches surely contains the keyword; when false, check the keyword as well. */
  exact: boolean;
}

/** The MATCH expression for a lower-cased keyword of at least three characters. */
export function trigramMatch(lowered: string): TrigramQuery {
  const characters = [...lowered];
  const trigrams = trigramsOf(characters);
  const rare = trigrams.map((trigram) => !ubiquitousTrigrams.has(trigram.join('')));
  if (rare.every(Boolean) || !rare.some(Boolean)) return { match: phrase(lowered), exact: true };
  // Maximal runs of rare trigrams, each a substring of the keyword.
  const pieces: string[] = [];
  for (let start = 0; start < trigrams.length; start++) {
    if (!rare[start]) continue;
    let end = start;
    while (end + 1 < trigrams.length && rare[end + 1]) end++;
    pieces.push(characters.slice(start, end + TRIGRAM).join(''));
    start = end;
  }
  return { match: pieces.map(phrase).join(' AND '), exact: false };
}
