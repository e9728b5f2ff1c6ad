import type { CleanedText } from "../types.js";
import { MappedTextBuilder } from "./mapped-text.js";

/** Characters removed outright: zero-width marks and stray byte-order marks. */
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/;
/** Whitespace and control characters (a NUL inside an article is treated as a space). */
const SPACE = /[\s\u0000-\u001f\u007f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** How a character is treated. ASCII is decided without the two regex tests (a tenth of a run): below 0x80 only controls, space and DEL are SPACE, nothing is INVISIBLE. */
const VISIBLE = 0;
const BLANK = 1;
const REMOVED = 2;

function kindOf(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return code <= 0x20 || code === 0x7f ? BLANK : VISIBLE;
  if (INVISIBLE.test(text[i])) return REMOVED;
  return SPACE.test(text[i]) ? BLANK : VISIBLE;
}

/**
 * Collapses every run of whitespace or control characters: a run holding two or more line breaks
 * becomes a paragraph break ("\n\n"), one line break stays "\n" (CRLF counts as one), anything else
 * becomes one space; leading and trailing whitespace goes. Lines marked in `dropLine` are removed.
 */
export function normaliseWhitespace(source: CleanedText, dropLine: (lineIndex: number) => boolean = () => false): CleanedText {
  const { text } = source;
  // Never longer than its source: each run of whitespace becomes at most as many characters.
  const builder = new MappedTextBuilder(text.length);
  let line = 0;
  let dropped = dropLine(0);
  let pendingStart = -1;
  let pendingBreaks = 0;
  let emitted = false;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) dropped = dropLine(++line);
    if (dropped) continue;
    const kind = kindOf(text, i);
    if (kind === REMOVED) continue;
    if (kind === BLANK) {
      if (pendingStart < 0) pendingStart = i;
      if (text.charCodeAt(i) === 0x0a) pendingBreaks++;
      continue;
    }
    if (pendingStart >= 0 && emitted) addSeparator(builder, source, pendingStart, i, pendingBreaks);
    pendingStart = -1;
    pendingBreaks = 0;
    let end = i + 1;
    while (end < text.length && kindOf(text, end) === VISIBLE) end++;
    builder.copyMapped(source, i, end);
    emitted = true;
    i = end - 1;
  }
  return builder.build();
}

/**
 * The separator for the whitespace run [start, end), standing for its first character. A run that
 * is already its own separator (one space, one "\n") is copied instead: same text, same map, and
 * the builder joins it with the words around it rather than adding a piece per word.
 */
function addSeparator(builder: MappedTextBuilder, source: CleanedText, start: number, end: number, breaks: number): void {
  const separator = breaks >= 2 ? "\n\n" : breaks === 1 ? "\n" : " ";
  if (end - start === 1 && source.text[start] === separator) builder.copyMapped(source, start, end);
  else builder.insertMapped(separator, source, start);
}
