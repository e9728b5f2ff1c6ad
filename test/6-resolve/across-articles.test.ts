import { CrossArticleResolver } from "../../src/6-resolve/across-articles.js";
import type { LocalEntity } from "../../src/types.js";

const entity = (type: LocalEntity["type"], canonicalName: string, acronym = "", surfaceForms = [canonicalName]): LocalEntity => ({ type, canonicalName, acronym, surfaceForms });

function resolve(articles: LocalEntity[][]) {
  const resolver = new CrossArticleResolver();
  for (const entities of articles) for (const e of entities) resolver.add(e);
  const groups = resolver.finish();
  return { groups, groupOf: (e: LocalEntity) => resolver.groupOf(e) };
}

describe("resolution across articles", () => {
  test("the same name, accented or not, hyphenated or not, is one entity", () => {
    const a = entity("LOCATION", "États-Unis");
    const b = entity("LOCATION", "Etats Unis");
    const { groups, groupOf } = resolve([[a], [b]]);
    expect(groups).toHaveLength(1);
    expect(groupOf(a)).toBe(groupOf(b));
  });

  test("an acronym links its expansions across articles, and the expanded name is canonical", () => {
    const defined = entity("ORG", "Forum mondial de lutte contre le terrorisme", "GCTF", ["Forum mondial de lutte contre le terrorisme", "GCTF"]);
    const acronymOnly = entity("ORG", "GCTF", "GCTF");
    const { groups } = resolve([[acronymOnly], [defined]]);
    expect(groups.map((g) => [g.canonicalName, g.acronym])).toEqual([["Forum mondial de lutte contre le terrorisme", "GCTF"]]);
  });

  test("different entities never share a group, even with the same type", () => {
    const { groups } = resolve([[entity("PERSON", "Donald Trump"), entity("PERSON", "Ivanka Trump")], [entity("ORG", "Trump Organization")]]);
    expect(groups.map((g) => g.canonicalName)).toEqual(["Donald Trump", "Ivanka Trump", "Trump Organization"]);
  });

  test("a lone surname joins the only full name that ends with it, and no ambiguous one", () => {
    const { groups } = resolve([[entity("PERSON", "Nadia Karim")], [entity("PERSON", "Karim")], [entity("PERSON", "Trump")], [entity("PERSON", "Donald Trump"), entity("PERSON", "Ivanka Trump")]]);
    expect(groups.map((g) => g.canonicalName)).toEqual(["Nadia Karim", "Trump", "Donald Trump", "Ivanka Trump"]);
  });

  test("resolutions are one entity by number, named with their year when any article gives it", () => {
    const { groups } = resolve([[entity("UN_RESOLUTION", "Résolution 2396")], [entity("UN_RESOLUTION", "Résolution 2396 (2017)")]]);
    expect(groups.map((g) => g.canonicalName)).toEqual(["Résolution 2396 (2017)"]);
  });
});

describe("a resolver restored from its state", () => {
  test("gives, after the same further articles, what the resolver that saw every article gives", () => {
    const earlier = [
      [entity("PERSON", "Amina Diallo"), entity("ORG", "Forum mondial de lutte contre le terrorisme")],
      [entity("PERSON", "Diallo"), entity("ORG", "Forum global de lutte contre le terrorisme", "GCTF")],
    ];
    const later = [[entity("ORG", "Forum mondial de lutte contre le terrorisme", "GCTF"), entity("PERSON", "Moussa Diallo")], [entity("LOCATION", "Rabat")]];
    const whole = new CrossArticleResolver();
    const first = new CrossArticleResolver();
    for (const e of earlier.flat()) [whole, first].forEach((resolver) => resolver.add(e));
    const restored = CrossArticleResolver.fromState(JSON.parse(JSON.stringify(first.state())));
    const nodes = later.flat().map((e) => [whole.add(e), restored.add(e)]);
    expect(restored.finish()).toEqual(whole.finish());
    for (const [a, b] of nodes) expect(restored.groupOfNode(b)).toBe(whole.groupOfNode(a));
  });
});
