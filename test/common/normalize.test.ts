import { readdirSync } from "node:fs";
import { lexiconEntries, LEXICON_DIR } from "../../src/common/lexicons.js";
import { asciiPunctuation, collapseWhitespace, foldKey, nameKey } from "../../src/common/normalize.js";

describe("foldKey", () => {
  test("lower case, no accents, ASCII apostrophes, quotes and dashes", () => {
    expect(foldKey("Côte d’Ivoire")).toBe("cote d'ivoire");
    expect(foldKey("«Élysée»–Matignon")).toBe('"elysee"-matignon');
    expect(foldKey("ONU")).toBe("onu");
    expect(foldKey("e\u0301te\u0301")).toBe("ete");
  });

  test("folding Latin characters one by one gives what normalizing the whole text gives", () => {
    const byNormalizing = (text: string) => asciiPunctuation(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    const latin = Array.from({ length: 0x180 }, (_, code) => String.fromCharCode(code)).join("");
    const entries = readdirSync(LEXICON_DIR).filter((file) => file.endsWith(".txt")).flatMap((file) => lexiconEntries(file.slice(0, -4)));
    expect(entries.length).toBeGreaterThan(50_000);
    for (const text of [latin, "Œuvre ŒUVRE İstanbul Ǆ", ...entries]) expect(foldKey(text)).toBe(byNormalizing(text));
  });

  test("punctuation keeps its length, so offsets survive", () => {
    expect(asciiPunctuation("l’État — «oui»")).toBe("l'État - \"oui\"");
  });
});

describe("nameKey", () => {
  test("hyphens count as spaces, whitespace collapses, the same name always gets the same key", () => {
    expect(nameKey(" Jean-Yves  Le\nDrian ")).toBe("jean yves le drian");
    expect(nameKey("Al‑Qaïda")).toBe(nameKey("al qaida"));
    expect(nameKey("Jean-Yves  Le Drian")).toBe(nameKey("Jean-Yves  Le Drian"));
  });
});

describe("collapseWhitespace", () => {
  test("every run of whitespace becomes one space; text with nothing to collapse is unchanged", () => {
    expect(collapseWhitespace("Le  Drian\n\na\tdit\u00a0non ")).toBe("Le Drian a dit non ");
    expect(collapseWhitespace(" Jean Yves ")).toBe(" Jean Yves ");
    expect(collapseWhitespace("\u3000x\ufeff")).toBe(" x ");
  });
});
