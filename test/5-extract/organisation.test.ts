import { entitiesOf, mentionsOf } from "../helpers.js";

describe("ORG", () => {
  test("well-known organisations and their acronyms are one entity", () => {
    expect(entitiesOf("L'OTAN et l'Organisation du traité de l'Atlantique nord ne font qu'un.")).toEqual(["ORG Organisation du traité de l'Atlantique nord"]);
    expect(entitiesOf("La Finul et la FINUL ne font qu'un.")).toEqual(["ORG Force intérimaire des Nations unies au Liban"]);
  });

  test("names built on a head noun end where the name ends", () => {
    expect(mentionsOf("Le rapport de l'Agence nationale de la sécurité des systèmes d'information et le ministère de l'Intérieur a été publié.")).toEqual([
      "ORG Agence nationale de la sécurité des systèmes d'information",
      "ORG ministère de l'Intérieur",
    ]);
    expect(mentionsOf("Il dirige le Bureau fédéral d'enquête américain, qui enquête.")).toEqual(["ORG Bureau fédéral d'enquête"]);
    expect(mentionsOf("Il dirige l'Agence spatiale européenne, qui lance.")).toEqual(["ORG Agence spatiale européenne"]);
  });

  test("a name built on a head noun ends before a bare infinitive, another organisation or a person's name", () => {
    expect(mentionsOf("La mission a réuni la Chambre des représentants et du Haut Conseil d'État pour tenter de dénouer la crise.")).toEqual([
      "ORG Chambre des représentants",
      "ORG Haut Conseil d'État",
    ]);
    expect(mentionsOf("Le Parti socialiste d'Olivier Faure s'abstient.")).toEqual(["ORG Parti socialiste", "PERSON Olivier Faure"]);
  });

  test("a capitalised article inside a sentence starts a name, unless a name or a title comes before it or the name is a known place", () => {
    expect(mentionsOf("Selon Le Figaro, les députés de La France insoumise et Les Républicains votent, rapporte L'Économiste.")).toEqual([
      "ORG Le Figaro",
      "ORG La France insoumise",
      "ORG Les Républicains",
      "ORG L'Économiste",
    ]);
    const notNames = mentionsOf("Mme Le Pen était à La Haye avec Marine Le Pen. Il a dit : « Le Pays va mal ».");
    expect(notNames).toContain("LOCATION La Haye");
    expect(notNames.filter((mention) => mention.startsWith("ORG"))).toEqual([]);
  });

  test("a lower-case département is an organisation before a portfolio, not before a place", () => {
    expect(mentionsOf("Selon le département d'État, le département du Trésor américain sanctionne. Le département du Nord vote.")).toEqual([
      "ORG département d'État",
      "ORG département du Trésor",
    ]);
  });

  test("a name built on a head noun ends before a gerund", () => {
    expect(mentionsOf("Le club s'est qualifié pour la Ligue des champions en battant Lyon.")).toEqual(["ORG Ligue des champions", "LOCATION Lyon"]);
  });

  test("a kind of organisation written in lower case introduces its name, and after a plural each name of a list", () => {
    expect(mentionsOf("Selon l'association Anticor, l'entreprise de travaux publics Vinci et le quotidien Le Monde, rien ne change.")).toEqual([
      "ORG Anticor",
      "ORG Vinci",
      "ORG Le Monde",
    ]);
    expect(mentionsOf("Les syndicats italiens FIOM et FIM-CISL appellent à la grève.")).toEqual(["ORG FIOM", "ORG FIM-CISL"]);
    expect(mentionsOf("Le groupe franco-allemand KNDS livre ses canons et les suspects utilisaient la messagerie Telegram.")).toEqual(["ORG KNDS", "ORG Telegram"]);
    expect(mentionsOf("Les armateurs, dont le danois Maersk, évitent la zone où les américains Google et Meta investissent.")).toEqual([
      "ORG Maersk",
      "ORG Google",
      "ORG Meta",
    ]);
    expect(mentionsOf("Le ministre a reçu l'Autrichien Josef Aschbacher.")).toEqual(["PERSON Josef Aschbacher"]);
  });

  test("after a kind of organisation, a title, a known place or a complement naming someone is not the organisation's name", () => {
    expect(mentionsOf("Le groupe de Jean Dupont se réunit. Il a rejoint la société M. Bernard et l'agence Paris.")).toEqual([
      "PERSON Jean Dupont",
      "PERSON Bernard",
      "LOCATION Paris",
    ]);
  });

  test("a known organisation's name is not extended by lower-case words, nor by a name that starts with an acronym", () => {
    expect(mentionsOf("Le rapport de la Ligue arabe sur la question des migrations est paru.")).toEqual(["ORG Ligue arabe"]);
    expect(mentionsOf("Le Niger a mis fin à sa coopération avec la mission civile de l'Union européenne EUCAP Sahel Niger, dont les experts partiront.")).toContain(
      "ORG Union européenne",
    );
  });

  test("an acronym that does not spell the place before it stands for a name ending with the place", () => {
    expect(mentionsOf("La Confédération générale des entreprises du Maroc (CGEM) a protesté contre la réforme fiscale du gouvernement.")).toEqual([
      "ORG Confédération générale des entreprises du Maroc",
      "ORG CGEM",
    ]);
  });

  test("a known place completes a head and its adjectives, but ends a name that has a complement", () => {
    expect(mentionsOf("Le Conseil de sécurité de l'ONU se réunit.")).toEqual(["ORG Conseil de sécurité", "ORG ONU"]);
    expect(mentionsOf("La Banque du Canada relève son taux.")).toEqual(["ORG Banque du Canada"]);
    expect(mentionsOf("Le Commandement central des États-Unis a frappé.")).toEqual(["ORG Commandement central des États-Unis"]);
    expect(mentionsOf("Le ministère des Affaires étrangères du Japon répond.")).toEqual(["ORG ministère des Affaires étrangères", "LOCATION Japon"]);
  });

  test("a place the organisation serves stays in its name, and takes the acronym that follows", () => {
    expect(entitiesOf("Le Commandement américain pour l'Afrique (AFRICOM) organise. L'AFRICOM confirme.")).toEqual(["ORG Commandement américain pour l'Afrique"]);
  });

  test("acronym definitions, long form first or acronym first", () => {
    expect(entitiesOf("Le Haut Conseil pour le climat (HCC) publie un avis. Le HCC critique le plan.")).toEqual(["ORG Haut Conseil pour le climat"]);
    expect(entitiesOf("Le groupe JNIM (Groupe de soutien à l'islam et aux musulmans) a revendiqué l'attaque.")).toEqual([
      "ORG Groupe de soutien à l'islam et aux musulmans",
    ]);
  });

  test("an acronym written as a word is defined after an organisation or where it spells the name before it, connectors giving their initial or none", () => {
    expect(entitiesOf("La Mission d'appui des Nations unies en Libye (Manul) enquête. La Manul publiera son rapport.")).toEqual([
      "ORG Mission d'appui des Nations unies en Libye",
    ]);
    expect(mentionsOf("Les Forces armées maliennes (FAMa) avancent.")).toEqual(["ORG Forces armées maliennes", "ORG FAMa"]);
    // After an organisation's name, a word that is no known name is its acronym, spelled or not.
    expect(entitiesOf("Le Commandement des États-Unis pour l'Afrique (Africom) organise l'exercice. L'Africom confirme.")).toEqual([
      "ORG Commandement des États-Unis pour l'Afrique",
    ]);
    expect(entitiesOf("La Communauté économique des États de l'Afrique de l'Ouest (Cedeao) se réunit. La Cedeao hésite.")).toEqual([
      "ORG Communauté économique des États de l'Afrique de l'Ouest",
    ]);
  });

  test("a word in parentheses that spells nothing before it is no acronym", () => {
    expect(mentionsOf("Il vit à Lyon (France) depuis mai.")).toEqual(["LOCATION Lyon", "LOCATION France"]);
    expect(mentionsOf("Le Conseil constitutionnel (Paris) a tranché.")).toEqual(["ORG Conseil constitutionnel", "LOCATION Paris"]);
  });

  test("an acronym of an ordinary phrase is not an organisation", () => {
    expect(mentionsOf("Les armes de destruction massive (ADM) inquiètent. Les ADM sont interdites.")).toEqual([]);
    expect(mentionsOf("Les engins de reconnaissance blindés (ERB) arrivent. Les ERB sont prêts.")).toEqual([]);
  });

  test("an unknown acronym used as a noun is a guessed organisation, unless it names a thing", () => {
    expect(mentionsOf("Le PJD et la CGT ont critiqué la hausse de la TVA et du PIB.")).toEqual(["ORG PJD", "ORG CGT"]);
  });

  test("a dateline and a closing signature name the news source", () => {
    expect(mentionsOf("Agence Sahel Info – Le ministre est arrivé.")).toEqual(["ORG Agence Sahel Info"]);
    expect(mentionsOf("Le ministre est arrivé.\n\nRédaction Medias24.")).toEqual(["ORG Medias24"]);
  });
});
