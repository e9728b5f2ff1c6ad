import { Parser } from "htmlparser2";
import { decodeHTML } from "entities";
import type { CleanedText } from "../types.js";
import { MappedTextBuilder } from "./mapped-text.js";

/** Elements whose content is never article text. */
const SKIPPED_ELEMENTS = new Set(["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select", "svg", "iframe", "head"]);
/** Elements that separate blocks of text: they end a sentence or paragraph. */
const BLOCK_ELEMENTS = new Set(["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "section", "article", "blockquote", "pre", "hr", "dd", "dt", "figcaption", "main", "title"]);

const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/gi;

/** Whether a file's name alone makes it read as HTML: besides its bytes, the only thing its extraction depends on. */
export function hasHtmlName(sourcePath: string): boolean {
  return /\.html?$/i.test(sourcePath);
}

export function looksLikeHtml(sourcePath: string, text: string): boolean {
  return hasHtmlName(sourcePath) || /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 512));
}

/**
 * The visible text of an HTML page, with each character mapped to its place in the markup:
 * markup, scripts, styles and navigation are dropped, block elements become paragraph breaks,
 * and entities are decoded (the decoded character points at its `&`).
 */
export function htmlToText(html: string): CleanedText {
  const builder = new MappedTextBuilder();
  let skipDepth = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED_ELEMENTS.has(name)) skipDepth++;
        else if (BLOCK_ELEMENTS.has(name) && skipDepth === 0) builder.insert("\n\n", parser.startIndex);
      },
      onclosetag(name, isImplied) {
        if (SKIPPED_ELEMENTS.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK_ELEMENTS.has(name) && skipDepth === 0 && !isImplied) builder.insert("\n\n", parser.startIndex);
      },
      ontext(text) {
        if (skipDepth === 0) copyDecodingEntities(builder, text, parser.startIndex);
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.end(html);
  return builder.build();
}

function copyDecodingEntities(builder: MappedTextBuilder, text: string, originalStart: number): void {
  let last = 0;
  for (const match of text.matchAll(ENTITY)) {
    const index = match.index ?? 0;
    const decoded = decodeHTML(match[0]);
    if (decoded === match[0]) continue;
    builder.copy(text.slice(last, index), originalStart + last);
    builder.insert(decoded, originalStart + index, originalStart + index + match[0].length);
    last = index + match[0].length;
  }
  builder.copy(text.slice(last), originalStart + last);
}
