/**
 * A copy of a string that keeps nothing else alive. V8 makes a substring of 13 or more characters
 * a view into its parent: a token or name kept as a cache key would hold its whole article in
 * memory, and caches keyed by such strings made the workers grow with the corpus (at 50,000
 * articles, about 60 MB more per worker). Only for keys kept beyond the article: it costs a copy.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, "utf8").toString("utf8");
}
