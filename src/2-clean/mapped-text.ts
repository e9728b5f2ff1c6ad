import type { CleanedText } from "../types.js";

/**
 * Builds a text piece by piece while remembering, for every character, which original characters it
 * stands for: a copied character stands for itself; an inserted one for what it replaces (the
 * character an HTML entity decodes to stands for the whole entity; a paragraph break that stands
 * for a `<p>` tag stands for nothing, an empty span at the tag).
 */
export class MappedTextBuilder {
  private readonly pieces: string[] = [];
  private starts: Int32Array;
  private ends: Int32Array;
  private length = 0;
  /** Characters [pendingFrom, pendingTo) of `pendingSource` still to copy: consecutive `copyMapped` ranges are copied as one (a piece and two subarrays per word were most of cleaning's garbage). */
  private pendingSource: CleanedText | undefined;
  private pendingFrom = 0;
  private pendingTo = 0;

  /** `capacity`: the expected length, when known; the map grows as needed (growing it several times per article cost a tenth of cleaning). */
  constructor(capacity = 1024) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /** Copies `text`, whose first character sits at `originalStart` in the original. */
  copy(text: string, originalStart: number): void {
    this.flush();
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) {
      this.starts[this.length + i] = originalStart + i;
      this.ends[this.length + i] = originalStart + i + 1;
    }
    this.push(text);
  }

  /** Adds characters that stand for the original characters [originalStart, originalEnd). */
  insert(text: string, originalStart: number, originalEnd = originalStart): void {
    this.flush();
    this.reserve(text.length);
    this.starts.fill(originalStart, this.length, this.length + text.length);
    this.ends.fill(originalEnd, this.length, this.length + text.length);
    this.push(text);
  }

  /** Copies cleaned characters [from, to) of an earlier mapped text, keeping their original spans. */
  copyMapped(source: CleanedText, from: number, to: number): void {
    if (source === this.pendingSource && from === this.pendingTo) {
      this.pendingTo = to;
      return;
    }
    this.flush();
    this.pendingSource = source;
    this.pendingFrom = from;
    this.pendingTo = to;
  }

  /** Adds `text` standing for the cleaned character `at` of an earlier mapped text. */
  insertMapped(text: string, source: CleanedText, at: number): void {
    this.insert(text, source.originalStarts[at], source.originalEnds[at]);
  }

  build(): CleanedText {
    this.flush();
    return {
      text: this.pieces.join(""),
      originalStarts: this.starts.slice(0, this.length),
      originalEnds: this.ends.slice(0, this.length),
    };
  }

  private flush(): void {
    const source = this.pendingSource;
    if (!source) return;
    const { pendingFrom: from, pendingTo: to } = this;
    this.pendingSource = undefined;
    this.reserve(to - from);
    this.starts.set(source.originalStarts.subarray(from, to), this.length);
    this.ends.set(source.originalEnds.subarray(from, to), this.length);
    this.push(source.text.slice(from, to));
  }

  private push(text: string): void {
    this.pieces.push(text);
    this.length += text.length;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.starts.length) return;
    const capacity = Math.max(this.starts.length * 2, this.length + extra);
    const grow = (array: Int32Array) => {
      const grown = new Int32Array(capacity);
      grown.set(array.subarray(0, this.length));
      return grown;
    };
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
  }
}

/** The identity map: a text that is its own original. */
export function unmapped(text: string): CleanedText {
  const builder = new MappedTextBuilder(text.length);
  builder.copy(text, 0);
  return builder.build();
}

/** The original span of cleaned characters [start, end). */
export function toOriginalSpan(cleaned: CleanedText, start: number, end: number): { start: number; end: number } {
  return { start: cleaned.originalStarts[start], end: cleaned.originalEnds[end - 1] };
}
