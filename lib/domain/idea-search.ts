/**
 * The words of a title as a PostgreSQL `simple` text-search query that matches ideas sharing any of them, each as a
 * prefix ("deliv" finds "delivery"): letters and digits only, so nothing typed can break the query syntax.
 * Returns null when there is no word of at least three characters.
 */
export function similarTitleQuery(title: string, maxWords = 8): string | null {
  const words = [...new Set(title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].filter((w) => w.length >= 3);
  if (words.length === 0) return null;
  return words
    .slice(0, maxWords)
    .map((w) => `${w}:*`)
    .join(' | ');
}
