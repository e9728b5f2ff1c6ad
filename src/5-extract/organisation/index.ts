import { collapseWhitespace } from "../../common/normalize.js";
import type { CandidateMention } from "../../types.js";
import type { ExtractionDocument } from "../document.js";
import { candidate, PRIORITY, type Extractor } from "../extractor.js";
import { knownNameCandidates } from "../known-names.js";
import { knownNames } from "../knowledge.js";
import { articleNames } from "./article-names.js";
import { acronymsBeforeLongForm, longFormByInitials, parenthesisedAcronyms, spells } from "./acronyms.js";
import { newsSources } from "./news-sources.js";
import { headPhrases } from "./head-phrases.js";
import { namedByKind } from "./named-by-kind.js";
import { unknownAcronyms } from "./unknown-acronyms.js";

/**
 * ORG: well-known organisations (data/lexicons/organisations.txt), names built on an organisation
 * head noun, names introduced by a kind of organisation ("le groupe pétrolier TotalEnergies"), names
 * that start with a capitalised article inside a sentence ("selon Le Figaro"), acronym
 * definitions in both orders, the news source named in a dateline or signature,
 * and, as a guess, unknown acronyms used as nouns.
 */
export const organisationExtractor: Extractor = {
  type: "ORG",
  extract(doc: ExtractionDocument, found: readonly CandidateMention[]): CandidateMention[] {
    const orgs: CandidateMention[] = [
      ...knownNameCandidates(doc).filter((c) => c.type === "ORG"),
      ...headPhrases(doc).map((p) => candidate(doc, p.from, p.to, "ORG", "head-noun", PRIORITY.lexicon, { canonical: nameFromText(doc, p.from, p.to) })),
      ...namedByKind(doc).map((n) => candidate(doc, n.from, n.to, "ORG", "kind", PRIORITY.lexicon)),
      ...articleNames(doc).map((n) => candidate(doc, n.from, n.to, "ORG", "article", n.certain ? PRIORITY.lexicon : PRIORITY.guess)),
      ...newsSources(doc, found),
    ];
    const defined = definedAcronyms(doc, [...found, ...orgs]);
    return [...orgs, ...defined, ...unknownAcronyms(doc, [...found, ...orgs, ...defined])];
  },
};

/**
 * Acronyms the text defines. The acronym takes the type and canonical name of the long form it
 * stands for, and the long form learns its acronym (so that both become one entity).
 */
function definedAcronyms(doc: ExtractionDocument, found: CandidateMention[]): CandidateMention[] {
  const { tokens } = doc;
  const defined: CandidateMention[] = [];
  for (const { acronymToken, longFormEnd, asWord } of parenthesisedAcronyms(doc)) {
    const acronym = tokens[acronymToken].text;
    let longForm: CandidateMention | undefined = found.filter((c) => c.end === tokens[longFormEnd].end).sort((a, b) => a.start - b.start)[0];
    // A place's acronym must spell it ("République démocratique du Congo (RDC)"), else it may stand for a
    // name that ends with the place ("Confédération générale des entreprises du Maroc (CGEM)"). A word in
    // parentheses is an acronym after an organisation, unless it is a known name ("(Paris)"), and elsewhere
    // only where it spells the name before it ("Lyon (France)" is not one).
    if (longForm && !spells(acronym, tokensOf(doc, longForm))) {
      const wordNotOfOrganisation = asWord && (longForm.type !== "ORG" || knownNames().longestAt(tokens, acronymToken, acronymToken + 1));
      if (longForm.type === "LOCATION" || wordNotOfOrganisation) longForm = undefined;
    }
    if (!longForm) {
      const byInitials = longFormByInitials(doc, acronym, longFormEnd);
      if (!byInitials) continue;
      longForm = candidate(doc, byInitials.from, byInitials.to, "ORG", "acronym-definition", PRIORITY.pattern, { canonical: nameFromText(doc, byInitials.from, byInitials.to) });
      defined.push(longForm);
    }
    if (longForm.type === "ORG") longForm.acronym ||= acronym;
    const canonical = longForm.canonical ?? doc.text.slice(longForm.start, longForm.end);
    defined.push(candidate(doc, acronymToken, acronymToken, longForm.type, "acronym-definition", PRIORITY.pattern, { canonical, acronym: longForm.type === "ORG" ? acronym : "" }));
  }
  for (const definition of acronymsBeforeLongForm(doc)) {
    const canonical = nameFromText(doc, definition.from, definition.to);
    const extra = { canonical, acronym: definition.acronym };
    defined.push(candidate(doc, definition.acronymToken, definition.acronymToken, "ORG", "acronym-definition", PRIORITY.pattern, extra));
    defined.push(candidate(doc, definition.from, definition.to, "ORG", "acronym-definition", PRIORITY.pattern, extra));
  }
  return defined;
}

const tokensOf = (doc: ExtractionDocument, span: CandidateMention) => doc.tokens.filter((t) => t.start >= span.start && t.end <= span.end);

/** A name as written, whitespace collapsed, first letter capitalised ("ministère des…" → "Ministère des…"). */
export function nameFromText(doc: ExtractionDocument, from: number, to: number): string {
  const text = collapseWhitespace(doc.text.slice(doc.tokens[from].start, doc.tokens[to].end));
  return text.charAt(0).toUpperCase() + text.slice(1);
}
