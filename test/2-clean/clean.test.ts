import { boilerplateLines } from "../../src/2-clean/boilerplate.js";
import { cleanText } from "../../src/2-clean/clean.js";
import { MappedTextBuilder, toOriginalSpan, unmapped } from "../../src/2-clean/mapped-text.js";
import { normaliseWhitespace } from "../../src/2-clean/whitespace.js";
import type { CleanedText } from "../../src/types.js";

/** The original text behind a cleaned span: what mentions.csv offsets must point at. */
function originalOf(original: string, isHtml: boolean, cleanedSpan: string): string {
  const { cleaned } = cleanText(original, isHtml);
  const start = cleaned.text.indexOf(cleanedSpan);
  expect(start).toBeGreaterThanOrEqual(0);
  const span = toOriginalSpan(cleaned, start, start + cleanedSpan.length);
  return original.slice(span.start, span.end);
}

describe("cleanText", () => {
  test("takes the leading date line as the date and out of the text", () => {
    const { cleaned, date } = cleanText(" date 2021-03-15 Le président tunisien a reçu son homologue.", false);
    expect(date).toBe("2021-03-15");
    expect(cleaned.text).toBe("Le président tunisien a reçu son homologue.");
    expect(cleanText(" date 2021-13 Texte.", false).date).toBe("");
  });

  test("normalises CRLF and runs of whitespace, keeping paragraph breaks", () => {
    const { cleaned } = cleanText("Premier  paragraphe,\r\nsuite.\r\n\r\n\r\nSecond\tparagraphe.  ", false);
    expect(cleaned.text).toBe("Premier paragraphe,\nsuite.\n\nSecond paragraphe.");
    expect(originalOf("Premier  paragraphe,\r\nsuite.\r\n\r\n\r\nSecond\tparagraphe.  ", false, "Second paragraphe")).toBe("Second\tparagraphe");
  });

  test("strips HTML markup, scripts, styles and navigation, and decodes entities with offsets into the markup", () => {
    const html = `<html><head><title>Titre</title><style>p{}</style></head><body><nav>Accueil | Monde</nav>
      <script>alert("x")</script><p>La Banque mondiale a pr&ecirc;t&eacute; 3&nbsp;milliards &agrave; l&rsquo;Égypte.</p>
      <footer>Mentions légales</footer></body></html>`;
    const { cleaned } = cleanText(html, true);
    expect(cleaned.text).toBe("La Banque mondiale a prêté 3 milliards à l’Égypte.");
    expect(originalOf(html, true, "prêté")).toBe("pr&ecirc;t&eacute;");
    expect(originalOf(html, true, "l’Égypte")).toBe("l&rsquo;Égypte");
  });

  test("drops website boilerplate: the comment form and cookie notice end the article", () => {
    const text = "Le texte de l'article se termine ici.\n\nLaisser un commentaire\n\nVotre adresse email ne sera pas publiée.\n\nCe site Web utilise des cookies pour améliorer votre expérience. J'accepte Lire la suite";
    expect(cleanText(text, false).cleaned.text).toBe("Le texte de l'article se termine ici.");
  });

  test("keeps the article when a boilerplate phrase is followed by more article", () => {
    const paragraph = "Le gouvernement a annoncé de nouvelles mesures. ".repeat(10);
    const text = `Début.\n\nLire aussi\n\n${paragraph}`;
    expect(cleanText(text, false).cleaned.text).toBe(`Début.\n\n${paragraph.trim()}`);
  });
});

describe("normaliseWhitespace", () => {
  const spans = (cleaned: CleanedText) => [...cleaned.text].map((_, i) => [cleaned.originalStarts[i], cleaned.originalEnds[i]]);

  test("each kept character maps to itself, each collapsed run to its first character", () => {
    const cleaned = normaliseWhitespace(unmapped(" a b\t\tc\r\n\r\nd\u200be\u00a0f "));
    expect(cleaned.text).toBe("a b c\n\nde f");
    expect(spans(cleaned)).toEqual([[1, 2], [2, 3], [3, 4], [4, 5], [6, 7], [7, 8], [7, 8], [11, 12], [13, 14], [14, 15], [15, 16]]);
  });

  test("keeps the map of an earlier mapped text, and drops the marked lines", () => {
    const builder = new MappedTextBuilder();
    builder.insert("&", 0, 5);
    builder.copy(" x\ny\nz", 5);
    const cleaned = normaliseWhitespace(builder.build(), (line) => line === 1);
    expect(cleaned.text).toBe("& x\nz");
    expect(spans(cleaned)).toEqual([[0, 5], [5, 6], [6, 7], [9, 10], [10, 11]]);
  });
});

describe("boilerplateLines", () => {
  test("a line starting with a phrase is dropped, whatever its case, accents, apostrophes or length", () => {
    const long = "et la suite de l’article continue encore longtemps sur ce sujet précis. ".repeat(5);
    expect(boilerplateLines(["Texte.", "  a LIRE AUSSI : le sommet", `J’accepte lire la suite ${long}`, "PUBLICITÉ", "Publicités", "Publicitaire", "Lire", long])).toEqual([false, true, true, true, true, false, false, false]);
  });

  test("an article-ending phrase drops what follows, unless a long paragraph follows", () => {
    expect(boilerplateLines(["Texte.", "Votre adresse e‑mail ne sera pas publiée.", "Nom", "Courriel"])).toEqual([false, true, true, true]);
    expect(boilerplateLines(["Texte.", "Laisser un commentaire", "x".repeat(301)])).toEqual([false, true, false]);
  });
});
