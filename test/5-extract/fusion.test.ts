import type { TokenSpan } from "../../src/5-extract/tagger/index.js";
import { extractText, taggerOf } from "../helpers.js";

const fusedMentions = (text: string, phrases: Record<string, TokenSpan["type"]>) =>
  extractText(text, "article.txt", { tagger: taggerOf(phrases) }).mentions.map((m) => `${m.type} ${m.text}`);

describe("fusion of the rules with the tagger", () => {
  test("a tagger name that extends one known name with unknown capitalised words, joined or not by 'de', wins over it", () => {
    expect(fusedMentions("Les Yankees de New York ont battu Victoria Coates.", { "Yankees de New York": "ORG", "Victoria Coates": "PER" })).toEqual([
      "ORG Yankees de New York",
      "PERSON Victoria Coates",
    ]);
  });

  test("a tagger name over two known names, or over a known name and ordinary words, does not", () => {
    expect(fusedMentions("Le Conseil de sécurité de l'ONU et la Grande France se réunissent.", { "Conseil de sécurité de l' ONU": "ORG", "Grande France": "ORG" })).toEqual([
      "ORG Conseil de sécurité",
      "ORG ONU",
      "LOCATION France",
    ]);
  });

  test("a name after a capitalised article is the rules' guess: the tagger's span, with the article, decides, unless the name is cited as a source", () => {
    expect(fusedMentions("Il vit à Paris et lit Le Figaro, comme les habitants de La Rochelle.", { Figaro: "ORG", Rochelle: "LOC" })).toEqual([
      "LOCATION Paris",
      "ORG Le Figaro",
      "LOCATION La Rochelle",
    ]);
    expect(fusedMentions("Selon Les Échos, le plan est prêt, détails révélés par Le Parisien.", { "Les Échos": "MISC", "Le Parisien": "PER" })).toEqual([
      "ORG Les Échos",
      "ORG Le Parisien",
    ]);
  });
});
