import { entitiesOf, mentionsOf } from "../helpers.js";

describe("PERSON", () => {
  test("a name after a title or honorific, without the title", () => {
    expect(mentionsOf("Hier, M. Lefebvre a démissionné.")).toEqual(["PERSON Lefebvre"]);
    expect(mentionsOf("La chancelière Angela Merkel a reçu Mme Borne et le général Thierry Burkhard.")).toEqual([
      "PERSON Angela Merkel",
      "PERSON Borne",
      "PERSON Thierry Burkhard",
    ]);
  });

  test("a known first name followed by a family name, particles included", () => {
    expect(mentionsOf("Une rencontre entre Jean-Yves Le Drian et Ursula von der Leyen a eu lieu.")).toEqual([
      "PERSON Jean-Yves Le Drian",
      "PERSON Ursula von der Leyen",
    ]);
  });

  test("two unknown capitalised words mid-sentence, but not ordinary words or places", () => {
    expect(mentionsOf("Le porte-parole, Kwame Osei, a démenti.")).toEqual(["PERSON Kwame Osei"]);
    expect(mentionsOf("Le sommet réunit la Sécurité Nationale et le Royaume-Uni.")).toEqual(["LOCATION Royaume-Uni"]);
  });

  test("a surname alone later in the article is the same person", () => {
    expect(entitiesOf("Le ministre Bruno Le Maire est arrivé. Selon Le Maire, la croissance reprendra. M. Le Maire a conclu.")).toEqual(["PERSON Bruno Le Maire"]);
    expect(mentionsOf("Nadia Karim parle. Karim a ajouté que rien ne change.")).toEqual(["PERSON Nadia Karim", "PERSON Karim"]);
  });

  test("after a role title an ordinary word belongs to the title, after an honorific it is a surname", () => {
    expect(mentionsOf("Le Chef Suprême des armées a parlé.")).toEqual([]);
    expect(mentionsOf("M. Petit a parlé.")).toEqual(["PERSON Petit"]);
  });

  test("a regnal number belongs to the name", () => {
    expect(mentionsOf("Le roi Charles III a reçu le souverain Felipe VI.")).toEqual(["PERSON Charles III", "PERSON Felipe VI"]);
  });

  test("nationality adjectives are not names", () => {
    expect(mentionsOf("Le président américain Joe Biden et son homologue français.")).toEqual(["PERSON Joe Biden"]);
  });

  test("a name word joined by a hyphen to a particle belongs to the name", () => {
    expect(mentionsOf("Le président égyptien Abdel Fattah al-Sissi a reçu hier le président syrien Bachar al-Assad pour des entretiens.")).toEqual([
      "PERSON Abdel Fattah al-Sissi",
      "PERSON Bachar al-Assad",
    ]);
  });
});
