import { detectLanguage } from "../../src/3-language/detect-language.js";

/**
 * The function-word gate in front of franc must keep telling French from its neighbours, on a
 * short text (one sentence, where franc alone is erratic) and on a long one (past the 1000-character
 * sample). The texts are written for this test, not taken from the corpus.
 */
const SHORT: Record<string, string> = {
  fra: "Le ministre a reçu hier son homologue pour parler de la sécurité dans la région.",
  eng: "The minister met his counterpart yesterday to talk about security in the region.",
  spa: "El ministro recibió ayer a su homólogo para hablar de la seguridad en la región.",
  ita: "Il ministro ha ricevuto ieri il suo omologo per parlare della sicurezza nella regione.",
  por: "O ministro recebeu ontem o seu homólogo para falar da segurança na região.",
};

const LONG_PARAGRAPHS: Record<string, string[]> = {
  fra: [
    "Les deux pays ont signé mardi un accord de coopération qui prévoit des échanges d'informations entre leurs services et la formation commune de leurs officiers.",
    "Selon le communiqué publié à l'issue de la rencontre, les délégations se sont aussi entendues sur un calendrier de réunions régulières, dont la première aura lieu avant la fin de l'année.",
    "Le texte doit encore être ratifié par les parlements, mais les responsables se sont dits confiants quant à son adoption rapide, compte tenu du large soutien dont il bénéficie.",
    "Plusieurs observateurs estiment que cet accord marque une étape importante dans les relations entre les deux capitales, longtemps restées distantes malgré leurs intérêts communs.",
  ],
  eng: [
    "The two countries signed a cooperation agreement on Tuesday that provides for the exchange of information between their services and the joint training of their officers.",
    "According to the statement released after the meeting, the delegations also agreed on a schedule of regular talks, the first of which will take place before the end of the year.",
    "The text must still be ratified by both parliaments, but officials said they were confident that it would be adopted quickly, given the broad support it enjoys.",
    "Several observers believe that the agreement marks an important step in the relations between the two capitals, which had long remained distant despite their shared interests.",
  ],
  spa: [
    "Los dos países firmaron el martes un acuerdo de cooperación que prevé el intercambio de información entre sus servicios y la formación conjunta de sus oficiales.",
    "Según el comunicado publicado al término de la reunión, las delegaciones también acordaron un calendario de encuentros regulares, el primero de los cuales tendrá lugar antes de que acabe el año.",
    "El texto todavía debe ser ratificado por los parlamentos, pero los responsables se mostraron confiados en su rápida aprobación, dado el amplio apoyo del que goza.",
    "Varios observadores consideran que este acuerdo marca una etapa importante en las relaciones entre las dos capitales, que durante mucho tiempo permanecieron distantes pese a sus intereses comunes.",
  ],
  ita: [
    "I due paesi hanno firmato martedì un accordo di cooperazione che prevede lo scambio di informazioni tra i loro servizi e la formazione comune dei loro ufficiali.",
    "Secondo il comunicato diffuso al termine dell'incontro, le delegazioni hanno anche concordato un calendario di riunioni regolari, la prima delle quali si terrà prima della fine dell'anno.",
    "Il testo deve ancora essere ratificato dai parlamenti, ma i responsabili si sono detti fiduciosi sulla sua rapida approvazione, visto l'ampio sostegno di cui gode.",
    "Diversi osservatori ritengono che questo accordo segni una tappa importante nelle relazioni tra le due capitali, rimaste a lungo distanti nonostante i loro interessi comuni.",
  ],
  por: [
    "Os dois países assinaram na terça-feira um acordo de cooperação que prevê a troca de informações entre os seus serviços e a formação conjunta dos seus oficiais.",
    "Segundo o comunicado divulgado no final do encontro, as delegações também acordaram um calendário de reuniões regulares, a primeira das quais terá lugar antes do fim do ano.",
    "O texto ainda tem de ser ratificado pelos parlamentos, mas os responsáveis mostraram-se confiantes quanto à sua rápida aprovação, dado o amplo apoio de que goza.",
    "Vários observadores consideram que este acordo marca uma etapa importante nas relações entre as duas capitais, que durante muito tempo se mantiveram distantes apesar dos seus interesses comuns.",
  ],
};

/** The paragraphs twice: past the 1000-character sample that detection reads. */
const LONG = Object.fromEntries(Object.entries(LONG_PARAGRAPHS).map(([language, paragraphs]) => [language, [...paragraphs, ...paragraphs].join("\n\n")]));

describe("language detection", () => {
  it("has short texts under the short-text threshold and long texts past the sample", () => {
    for (const text of Object.values(SHORT)) expect(text.length).toBeLessThan(250);
    for (const text of Object.values(LONG)) expect(text.length).toBeGreaterThan(1000);
  });

  it.each(Object.keys(SHORT))("tells a short %s text", (language) => {
    expect(detectLanguage(SHORT[language])).toBe(language);
  });

  it.each(Object.keys(LONG))("tells a long %s text", (language) => {
    expect(detectLanguage(LONG[language])).toBe(language);
  });

  it("takes a French text as French whatever other-language text follows its sample", () => {
    expect(detectLanguage(LONG.fra + "\n\n" + LONG.eng.repeat(3))).toBe("fra");
  });
});
