import { entitiesOf, mentionsOf } from "../helpers.js";

describe("LOCATION", () => {
  test("countries, capitals and regions in French, the longest name first", () => {
    expect(mentionsOf("De Kinshasa à la République démocratique du Congo, puis en Afrique de l'Ouest et au Proche-Orient.")).toEqual([
      "LOCATION Kinshasa",
      "LOCATION République démocratique du Congo",
      "LOCATION Afrique de l'Ouest",
      "LOCATION Proche-Orient",
    ]);
  });

  test("accented and unaccented spellings, and aliases, are one place", () => {
    expect(entitiesOf("Les Etats-Unis, les États-Unis d'Amérique et les USA.")).toEqual(["LOCATION États-Unis"]);
  });

  test("a place inside an organisation's name is not a mention of its own", () => {
    expect(mentionsOf("Al-Qaida au Maghreb islamique revendique l'attaque.")).toEqual(["ORG Al-Qaida au Maghreb islamique"]);
  });

  test("the names in a hyphenated compound of names are places of their own", () => {
    expect(mentionsOf("Le sommet Sénégal-Mauritanie et le couple franco-allemand.")).toEqual(["LOCATION Sénégal", "LOCATION Mauritanie"]);
  });

  test("a compound with a word that is no known name is one name, not a place inside it", () => {
    expect(mentionsOf("Les réfugiés arrivent à Port-Soudan, selon Radio-Canada.")).not.toContainEqual(expect.stringMatching(/Soudan$|Canada$/));
  });

  test("seas, gulfs, deltas and lakes are named with their head noun, and the country inside is no mention", () => {
    expect(mentionsOf("Les pirates du golfe de Guinée et du delta du Niger menacent la mer Rouge, l'océan Indien et le lac Tchad.")).toEqual([
      "LOCATION golfe de Guinée",
      "LOCATION delta du Niger",
      "LOCATION mer Rouge",
      "LOCATION océan Indien",
      "LOCATION lac Tchad",
    ]);
  });

  test("an unknown place named after a place noun", () => {
    expect(mentionsOf("Des pluies ont touché la province d'Errachidia et la ville de Sidi Ifni.")).toEqual(["LOCATION Errachidia", "LOCATION Sidi Ifni"]);
    expect(mentionsOf("Les navires évitent le détroit de Bab el-Mandeb et l'archipel des Tobrakis.")).toEqual(["LOCATION Bab el-Mandeb", "LOCATION Tobrakis"]);
  });

  test("lower-case words and adjectives are not places", () => {
    expect(mentionsOf("Le gouvernement malien et la diplomatie française.")).toEqual([]);
  });

  test("a place named with « Le » is found without it after « au » or « du », unless what remains is an ordinary word", () => {
    expect(entitiesOf("Le ministre est arrivé au Caire jeudi, puis il est reparti du Mans pour une tournée dans les Iles du Cap Vert.")).toEqual([
      "LOCATION Le Caire",
      "LOCATION Le Mans",
    ]);
  });
});
