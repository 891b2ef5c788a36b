/**
 * The words of a title being typed as a PostgreSQL `simple` text-search query that matches ideas sharing any of
 * them, each as a prefix ("deliv" finds "delivery"): letters and digits only, so nothing typed can break the query
 * syntax. Short words say little and match most ideas ("for" matches "form"), so a word needs four characters, or
 * three when it is the last one, still being typed. Returns null when no word qualifies.
 */
export function similarTitleQuery(title: string, maxWords = 8): string | null {
  const all = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const words = [...new Set(all.filter((w, i) => w.length >= 4 || (w.length === 3 && i === all.length - 1)))];
  if (words.length === 0) return null;
  return words
    .slice(0, maxWords)
    .map((w) => `${w}:*`)
    .join(' | ');
}
