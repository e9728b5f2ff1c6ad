import { entitiesOf, mentionsOf } from "../helpers.js";

describe("UN_RESOLUTION", () => {
  test("the usual French forms", () => {
    expect(mentionsOf("Selon la résolution 2334 du Conseil de sécurité et la Résolution 242 (1967), puis S/RES/2758 (2024).")).toEqual([
      "UN_RESOLUTION résolution 2334",
      "ORG Conseil de sécurité",
      "UN_RESOLUTION Résolution 242 (1967)",
      "UN_RESOLUTION S/RES/2758 (2024)",
    ]);
  });

  test("a list of numbers gives one mention each", () => {
    expect(mentionsOf("Les résolutions 1373, 1624 et 2178 (2014) s'appliquent.")).toEqual([
      "UN_RESOLUTION résolutions 1373",
      "UN_RESOLUTION 1624",
      "UN_RESOLUTION 2178 (2014)",
    ]);
  });

  test("the canonical name carries the year when the text gives it", () => {
    expect(entitiesOf("La résolution 2417 (2018) sur la faim. La résolution 2417 est claire.")).toEqual(["UN_RESOLUTION Résolution 2417 (2018)"]);
  });

  test("General Assembly resolutions are not Security Council resolutions", () => {
    expect(mentionsOf("La résolution 67/19 et la résolution 3379 de l'Assemblée générale.")).toEqual(["ORG Assemblée générale"]);
  });
});
