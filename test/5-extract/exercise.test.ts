import { mentionsOf } from "../helpers.js";

describe("EXERCISE", () => {
  test("quoted names after a trigger word", () => {
    expect(mentionsOf("L'armée a participé aux manœuvres « Cold Response » et “Steadfast Defender”.")).toEqual([
      "EXERCISE Cold Response",
      "EXERCISE Steadfast Defender",
    ]);
  });

  test("an unquoted name with its year right after the trigger", () => {
    expect(mentionsOf("L'exercice Flintlock 2023 s'est ouvert au Ghana.")).toEqual(["EXERCISE Flintlock 2023", "LOCATION Ghana"]);
  });

  test("an unquoted name after the trigger's adjectives, even one that starts with a place, and a list of them", () => {
    const exercises = (text: string) => mentionsOf(text).filter((m) => m.startsWith("EXERCISE"));
    expect(exercises("L'exercice naval multinational Phoenix Express, qui doit réunir au large de Tanger et de Kénitra Nord des unités, commence.")).toEqual([
      "EXERCISE Phoenix Express",
    ]);
    expect(exercises("Les exercices Justified Accord et Cutlass Express ont pris fin.")).toEqual(["EXERCISE Justified Accord", "EXERCISE Cutlass Express"]);
  });

  test("without a trigger word, capitalised words are not exercises", () => {
    expect(mentionsOf("Le groupe Iron Maiden jouera à Lyon.").filter((m) => m.startsWith("EXERCISE"))).toEqual([]);
  });

  test("places and organisations after the trigger stay what they are", () => {
    expect(mentionsOf("Un entraînement conjoint au Sénégal avec l'Union africaine.")).toEqual(["LOCATION Sénégal", "ORG Union africaine"]);
  });
});
