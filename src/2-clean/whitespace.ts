import type { CleanedText } from "../types.js";
import { MappedTextBuilder } from "./mapped-text.js";

/** Characters removed outright: zero-width marks and stray byte-order marks. */
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/;
/** Whitespace and control characters (a NUL inside an article is treated as a space). */
const SPACE = /[\s\u0000-\u001f\u007f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** Neither space nor invisible nor a line break; printable ASCII is decided without the two regex tests (a tenth of a run). */
function isVisible(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x7f) return code > 0x20;
  return !SPACE.test(text[i]) && !INVISIBLE.test(text[i]);
}

/**
 * Collapses every run of whitespace or control characters: a run holding two or more line breaks
 * becomes a paragraph break ("\n\n"), one line break stays "\n" (CRLF counts as one), anything else
 * becomes one space; leading and trailing whitespace goes. Lines marked in `dropLine` are removed.
 */
export function normaliseWhitespace(source: CleanedText, dropLine: (lineIndex: number) => boolean = () => false): CleanedText {
  const { text } = source;
  const builder = new MappedTextBuilder();
  let line = 0;
  let pendingStart = -1;
  let pendingBreaks = 0;
  let emitted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    if (dropLine(line) || INVISIBLE.test(c)) continue;
    if (SPACE.test(c)) {
      if (pendingStart < 0) pendingStart = i;
      if (c === "\n") pendingBreaks++;
      continue;
    }
    if (pendingStart >= 0 && emitted) builder.insertMapped(pendingBreaks >= 2 ? "\n\n" : pendingBreaks === 1 ? "\n" : " ", source, pendingStart);
    pendingStart = -1;
    pendingBreaks = 0;
    let end = i + 1;
    while (end < text.length && isVisible(text, end)) end++;
    builder.copyMapped(source, i, end);
    emitted = true;
    i = end - 1;
  }
  return builder.build();
}
