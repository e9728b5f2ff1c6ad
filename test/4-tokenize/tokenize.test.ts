import { splitSentences } from "../../src/4-tokenize/sentences.js";
import { isWord, tokenize } from "../../src/4-tokenize/tokenize.js";

const words = (text: string) => tokenize(text).map((t) => t.text);
const sentences = (text: string) => splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end));

describe("tokenize", () => {
  test("splits elisions off with their apostrophe, typographic or not", () => {
    expect(words("l'Etat d’Amérique qu'il jusqu’à aujourd'hui")).toEqual(["l'", "Etat", "d’", "Amérique", "qu'", "il", "jusqu’", "à", "aujourd'hui"]);
  });

  test("keeps hyphenated names and inverted pronouns whole", () => {
    expect(words("Al-Qaida, les Pays-Bas et la Maison-Blanche, a-t-il dit.")).toEqual(["Al-Qaida", ",", "les", "Pays-Bas", "et", "la", "Maison-Blanche", ",", "a-t-il", "dit", "."]);
  });

  test("a hyphen or apostrophe joins words only between word characters; a run of dots is one token", () => {
    expect(words("-Paris- l' x--y ''a ... . ..")).toEqual(["-", "Paris", "-", "l", "'", "x", "-", "-", "y", "'", "'", "a", "...", ".", ".."]);
  });

  test("letters, digits and combining marks of any script make words; other characters stand alone, whole code points", () => {
    expect(words("Re\u0301sume\u0301 ٣٤ 中国\u00a0😀x 𝐀b \ud83d")).toEqual(["Re\u0301sume\u0301", "٣٤", "中国", "😀", "x", "𝐀b", "\ud83d"]);
  });

  test("gives offsets into the text", () => {
    for (const token of tokenize("« Le Niger », dit-elle…")) expect("« Le Niger », dit-elle…".slice(token.start, token.end)).toBe(token.text);
  });
});

describe("splitSentences", () => {
  test("does not end a sentence at M., Mme, Dr or an initial", () => {
    expect(sentences("M. Dupont a vu Mme Martin. Le Dr Benali et John F. Kennedy aussi. Fin.")).toEqual([
      "M. Dupont a vu Mme Martin.",
      "Le Dr Benali et John F. Kennedy aussi.",
      "Fin.",
    ]);
  });

  test("ends sentences at ! ? … and paragraph breaks, keeping closing quotes", () => {
    expect(sentences("« Nous partons. » Il est parti ! Pourquoi ? Personne\n\nne sait…")).toEqual(["« Nous partons. »", "Il est parti !", "Pourquoi ?", "Personne", "ne sait…"]);
  });

  test("a short line without final punctuation is a heading", () => {
    expect(sentences("Le Mali et la France\nLe ministre est arrivé hier.")).toEqual(["Le Mali et la France", "Le ministre est arrivé hier."]);
  });
});

describe("isWord", () => {
  test("a token is a word when it starts with a letter or digit, of any script", () => {
    expect(tokenize("L'an 2020, « Ωμέγα » 中 😀 ...").map((t) => [t.text, isWord(t)])).toEqual([
      ["L'", true],
      ["an", true],
      ["2020", true],
      [",", false],
      ["«", false],
      ["Ωμέγα", true],
      ["»", false],
      ["中", true],
      ["😀", false],
      ["...", false],
    ]);
  });
});
