import { entitiesOf, extractText, taggerOf } from "../helpers.js";

/** entity canonical name → the texts of its mentions. */
function mentionsByEntity(text: string): Record<string, string[]> {
  const { entities, mentions } = extractText(text);
  const grouped: Record<string, string[]> = {};
  for (const mention of mentions) (grouped[entities[mention.localEntity].canonicalName] ??= []).push(mention.text);
  return grouped;
}

describe("resolution within an article", () => {
  test("a surname or M./Mme Surname refers to the full name given earlier", () => {
    expect(mentionsByEntity("Le juge Omar Haddad a parlé. M. Haddad a ensuite quitté la salle, et Haddad n'a rien ajouté.")).toEqual({
      "Omar Haddad": ["Omar Haddad", "Haddad", "Haddad"],
    });
  });

  test("a name given first, or first names, or a name inside a full name refer to the only full name with them", () => {
    expect(mentionsByEntity("Le président Luiz Inácio Lula da Silva est arrivé. M. Lula a salué l'accord.")).toEqual({
      "Luiz Inácio Lula da Silva": ["Luiz Inácio Lula da Silva", "Lula"],
    });
    expect(mentionsByEntity("Le prince Mohamed ben Zayed Al Nahyane est arrivé. Mohamed ben Zayed a salué l'accord.")).toEqual({
      "Mohamed ben Zayed Al Nahyane": ["Mohamed ben Zayed Al Nahyane", "Mohamed ben Zayed"],
    });
    expect(mentionsByEntity("Le directeur Tedros Adhanom Ghebreyesus a parlé. Pour M. Tedros, l'urgence demeure.")).toEqual({
      "Tedros Adhanom Ghebreyesus": ["Tedros Adhanom Ghebreyesus", "Tedros"],
    });
  });

  test("a surname shared by two people goes to the one introduced with the same title, never to both", () => {
    const text = "Le président Yoweri Museveni a reçu Muhoozi Museveni, son fils. Plus tard, le président Museveni a parlé.";
    expect(mentionsByEntity(text)).toEqual({ "Yoweri Museveni": ["Yoweri Museveni", "Museveni"], "Muhoozi Museveni": ["Muhoozi Museveni"] });
  });

  test("without a title, the surname goes to the latest full name before it", () => {
    const text = "Amina Diallo et Moussa Diallo sont arrivés. Moussa Diallo a parlé, puis Diallo est reparti.";
    expect(mentionsByEntity(text)["Moussa Diallo"]).toEqual(["Moussa Diallo", "Moussa Diallo", "Diallo"]);
  });

  test("a one-word place no lexicon knows joins the place whose name starts with it; a known one does not", () => {
    const text = "Les Émirats arabes unis investissent au Tchad. Les Émirats ont signé. La Guinée et la Guinée-Bissau aussi.";
    const entities = extractText(text, "article.txt", { tagger: taggerOf({ Émirats: "LOC" }) }).entities.map((e) => e.canonicalName);
    expect(entities).toEqual(["Émirats arabes unis", "Tchad", "Guinée", "Guinée-Bissau"]);
  });

  test("an acronym never defined joins the only organisation named in full whose initials it spells", () => {
    expect(entitiesOf("La Commission électorale nationale indépendante a publié les résultats. La CENI les confirme.")).toEqual([
      "ORG Commission électorale nationale indépendante",
    ]);
  });

  test("an acronym and its expansion are one entity, whichever comes first", () => {
    expect(entitiesOf("La Commission nationale des droits de l'homme (CNDH) enquête. La CNDH publiera un rapport.")).toEqual([
      "ORG Commission nationale des droits de l'homme",
    ]);
  });

  test("a known organisation's acronym and name are one entity", () => {
    expect(mentionsByEntity("Le FMI prête. Le Fonds monétaire international exige des réformes.")).toEqual({
      "Fonds monétaire international": ["FMI", "Fonds monétaire international"],
    });
  });
});
