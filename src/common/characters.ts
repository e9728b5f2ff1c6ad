/**
 * Hand-written scanners test characters against Unicode properties without a regex match per
 * token. These helpers read whole code points, as a regex with the `u` flag does.
 */

/** The code units the code point at i takes: 2 for a surrogate pair, else 1 (a lone surrogate is a character of its own). */
export function widthAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** Whether the code point at i (of `width` code units) belongs to a one-character class such as /^\p{L}$/u; BMP answers are remembered. */
export type CharacterTest = (text: string, i: number, width: number) => boolean;

export function characterTest(pattern: RegExp): CharacterTest {
  // 0: not yet seen, 1: outside the class, 2: inside.
  const known = new Uint8Array(0x10000);
  return (text, i, width) => {
    if (width === 2) return pattern.test(text.slice(i, i + 2));
    const code = text.charCodeAt(i);
    return (known[code] ||= pattern.test(text[i]) ? 2 : 1) === 2;
  };
}
