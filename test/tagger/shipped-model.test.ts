import { loadTagger, modelHash, type TokenSpan } from "../../src/5-extract/tagger/index.js";

/**
 * Sentences written for this test (in no training file), with the entities a reader would mark,
 * before the model was run on them. The model is not expected to get every one: the test asserts
 * overall precision and recall, and prints what it missed so a regression is easy to read.
 */
const SENTENCES: { text: string; entities: [string, TokenSpan["type"]][] }[] = [
  { text: "Le président Emmanuel Macron s' est rendu à Marseille jeudi .", entities: [["Emmanuel Macron", "PER"], ["Marseille", "LOC"]] },
  { text: "La Banque mondiale a accordé un prêt au Sénégal .", entities: [["Banque mondiale", "ORG"], ["Sénégal", "LOC"]] },
  { text: "Selon l' Organisation des Nations unies , la situation au Soudan s' aggrave .", entities: [["Organisation des Nations unies", "ORG"], ["Soudan", "LOC"]] },
  { text: "Angela Merkel et Vladimir Poutine se sont rencontrés à Berlin .", entities: [["Angela Merkel", "PER"], ["Vladimir Poutine", "PER"], ["Berlin", "LOC"]] },
  { text: "Le porte-parole de l' OTAN , Jens Stoltenberg , a démenti .", entities: [["OTAN", "ORG"], ["Jens Stoltenberg", "PER"]] },
  { text: "Des inondations ont touché la Bretagne et les Pays-Bas .", entities: [["Bretagne", "LOC"], ["Pays-Bas", "LOC"]] },
  { text: "Marie Dubois , journaliste au Monde , vit à Lyon depuis 2010 .", entities: [["Marie Dubois", "PER"], ["Monde", "ORG"], ["Lyon", "LOC"]] },
  { text: "L’ entreprise Renault a annoncé la fermeture de son usine de Flins .", entities: [["Renault", "ORG"], ["Flins", "LOC"]] },
  { text: "Le groupe Al-Qaida a revendiqué l' attentat de Kaboul .", entities: [["Al-Qaida", "ORG"], ["Kaboul", "LOC"]] },
  { text: "Jean-Luc Mélenchon a critiqué la Commission européenne à Bruxelles .", entities: [["Jean-Luc Mélenchon", "PER"], ["Commission européenne", "ORG"], ["Bruxelles", "LOC"]] },
  // As the pipeline tokenizes "M. Castex": the period is a token of its own.
  { text: "Selon M . Jean Castex , le gouvernement soutiendra Air France .", entities: [["Jean Castex", "PER"], ["Air France", "ORG"]] },
  { text: "L' ancien président américain Barack Obama a visité Nairobi .", entities: [["Barack Obama", "PER"], ["Nairobi", "LOC"]] },
];

describe("the shipped model", () => {
  const tagger = loadTagger();

  test("finds most of the names in unseen French sentences", () => {
    let expected = 0, predicted = 0, correct = 0;
    const misses: string[] = [];
    for (const { text, entities } of SENTENCES) {
      const tokens = text.split(" ");
      const found = tagger.spans(tokens).map((span) => `${tokens.slice(span.start, span.end).join(" ")}/${span.type}`);
      const wanted = entities.map(([name, type]) => `${name}/${type}`);
      expected += wanted.length;
      predicted += found.length;
      correct += wanted.filter((entity) => found.includes(entity)).length;
      if (wanted.join() !== found.join()) misses.push(`${text}\n  wanted ${wanted.join(", ")}\n  got    ${found.join(", ")}`);
    }
    if (misses.length > 0) console.log(`differences:\n${misses.join("\n")}`);
    expect(correct / expected).toBeGreaterThanOrEqual(0.8);
    expect(correct / predicted).toBeGreaterThanOrEqual(0.8);
  });

  test("gives one BIO label per token, and none for an empty sentence", () => {
    const tokens = "Angela Merkel est née à Hambourg .".split(" ");
    const labels = tagger.tag(tokens);
    expect(labels).toHaveLength(tokens.length);
    expect(labels.every((label) => /^(O|[BI]-(PER|ORG|LOC|MISC))$/.test(label))).toBe(true);
    expect(tagger.tag([])).toEqual([]);
  });

  test("has a stable hash to key caches on", () => {
    expect(modelHash()).toMatch(/^[0-9a-f]{64}$/);
    expect(modelHash()).toBe(modelHash());
  });
});
