import type { EntityGroup } from "../../src/6-resolve/across-articles.js";
import { assignEntityIds, emptyRegistry } from "../../src/6-resolve/entity-ids.js";

const group = (...keys: string[]): EntityGroup => ({ type: "ORG", canonicalName: keys[0], acronym: "", aliases: [], keys });

describe("assignEntityIds", () => {
  test("a fresh run numbers entities in order of appearance", () => {
    expect(assignEntityIds([group("ORG:a"), group("ORG:b")], emptyRegistry()).ids).toEqual(["E000001", "E000002"]);
  });

  test("an entity keeps its id when other entities come and go", () => {
    const first = assignEntityIds([group("ORG:a"), group("ORG:b")], emptyRegistry());
    const second = assignEntityIds([group("ORG:new"), group("ORG:b")], first.registry);
    expect(second.ids).toEqual(["E000003", "E000002"]);
    const third = assignEntityIds([group("ORG:a")], second.registry);
    expect(third.ids).toEqual(["E000001"]);
  });

  test("a merge keeps the older id and redirects the newer one; ids are never handed out again", () => {
    const first = assignEntityIds([group("ORG:forum mondial", "ORG:acronym:gctf"), group("ORG:gctf")], emptyRegistry());
    expect(first.ids).toEqual(["E000001", "E000002"]);
    const merged = assignEntityIds([group("ORG:forum mondial", "ORG:acronym:gctf", "ORG:gctf")], first.registry);
    expect(merged.ids).toEqual(["E000001"]);
    expect(merged.registry.redirects).toEqual({ E000002: "E000001" });
    const later = assignEntityIds([group("ORG:gctf"), group("ORG:other")], merged.registry);
    expect(later.ids).toEqual(["E000001", "E000003"]);
  });

  test("when an entity splits, the first part keeps the id and the other gets a new one", () => {
    const first = assignEntityIds([group("ORG:x", "ORG:y")], emptyRegistry());
    expect(assignEntityIds([group("ORG:x"), group("ORG:y")], first.registry).ids).toEqual(["E000001", "E000002"]);
  });
});
