import { detectLanguage, functionWordShares } from "../../src/3-language/detect-language.js";

const shares = (sample: string) => {
  const { words, hits } = functionWordShares(sample);
  return { words, hits: Object.fromEntries([...hits].sort()) };
};

describe("functionWordShares", () => {
  test("counts words of letters and the function words of each language, whatever the case", () => {
    expect(shares("Le chat et LES chiens, 2020 fois.")).toEqual({ words: 6, hits: { fra: 3 } });
    expect(shares("The cat and the dog")).toEqual({ words: 5, hits: { eng: 3 } });
  });

  test("an elided word keeps its apostrophe, typographic or not; a word not listed with it is looked up without", () => {
    expect(shares("l'Etat d’Amérique qu‘il")).toEqual(shares("l'Etat d'Amérique qu'il"));
    expect(shares("les' chiens")).toEqual({ words: 2, hits: { fra: 1 } });
  });

  test("words of any script count, digits and symbols do not", () => {
    expect(shares("中国 Ελλάδα 😀 42 — 𝐀")).toEqual({ words: 3, hits: {} });
  });
});

describe("detectLanguage", () => {
  test("French and English news are told apart by their function words", () => {
    expect(detectLanguage("Le ministre des Affaires étrangères a reçu son homologue dans la capitale pour une visite de travail.")).toBe("fra");
    expect(detectLanguage("The minister said that the talks with their partners were the first of this kind.")).toBe("eng");
  });
});
