import { buildDocument, lookupToken } from "../../src/5-extract/document.js";
import { splitSentences } from "../../src/4-tokenize/sentences.js";
import { tokenize } from "../../src/4-tokenize/tokenize.js";

const documentOf = (text: string) => buildDocument(text, splitSentences(text, tokenize(text)));

describe("buildDocument", () => {
  test("annotates each token: folded key, capitals, acronyms, first word of its sentence", () => {
    const doc = documentOf("« Le Président de l’ONU » arrive. Élysée-Énergie répond.");
    const facts = doc.tokens.map((t) => [t.text, t.key, t.capitalised, t.allCaps, t.sentenceInitial, t.sentence, t.index]);
    expect(facts).toEqual([
      ["«", '"', false, false, false, 0, 0],
      ["Le", "le", true, false, true, 0, 1],
      ["Président", "president", true, false, false, 0, 2],
      ["de", "de", false, false, false, 0, 3],
      ["l’", "l'", false, false, false, 0, 4],
      ["ONU", "onu", true, true, false, 0, 5],
      ["»", '"', false, false, false, 0, 6],
      ["arrive", "arrive", false, false, false, 0, 7],
      [".", ".", false, false, false, 0, 8],
      ["Élysée-Énergie", "elysee-energie", true, false, true, 1, 9],
      ["répond", "repond", false, false, false, 1, 10],
      [".", ".", false, false, false, 1, 11],
    ]);
    expect(doc.sentenceEnds).toEqual([9, 12]);
  });

  test("the same word gets the same annotations wherever it occurs", () => {
    const doc = documentOf("Paris aime Paris. Paris dort.");
    const paris = doc.tokens.filter((t) => t.text === "Paris");
    expect(paris.map((t) => [t.key, t.capitalised, t.sentenceInitial])).toEqual([
      ["paris", true, true],
      ["paris", true, false],
      ["paris", true, true],
    ]);
  });

  test("a sentence mostly in capitals is shouting, with or without acronyms", () => {
    expect(documentOf("LE MINISTRE ARRIVE À PARIS. Le ministre arrive à Paris avec l'ONU.").shouting).toEqual([true, false]);
    expect(documentOf("ONU OTAN UE FMI et nous.").shouting).toEqual([true]);
    expect(documentOf("ONU OTAN UE et nous.").shouting).toEqual([false]);
  });
});

describe("lookupToken", () => {
  test("annotates a word outside a document as buildDocument does", () => {
    expect(lookupToken("Côte")).toEqual({ text: "Côte", key: "cote", capitalised: true, allCaps: false });
    expect(lookupToken("GCTF")).toEqual({ text: "GCTF", key: "gctf", capitalised: true, allCaps: true });
  });
});
