import { PRIORITY, selectNonOverlapping } from "../../src/5-extract/extractor.js";
import type { CandidateMention } from "../../src/types.js";

const span = (start: number, end: number, priority: number, source = `${start}-${end}`): CandidateMention => ({ type: "ORG", start, end, source, priority });
const selected = (candidates: CandidateMention[]) => selectNonOverlapping(candidates).map((c) => c.source);

describe("selectNonOverlapping", () => {
  test("evidence first, then the longest, then the stronger rule, then the earlier one; kept in text order", () => {
    expect(selected([span(0, 10, PRIORITY.guess), span(2, 5, PRIORITY.lexicon), span(6, 8, PRIORITY.pattern)])).toEqual(["2-5", "6-8"]);
    expect(selected([span(0, 4, PRIORITY.lexicon), span(2, 9, PRIORITY.lexicon), span(9, 12, PRIORITY.lexicon)])).toEqual(["2-9", "9-12"]);
    expect(selected([span(0, 4, PRIORITY.lexicon, "a"), span(2, 6, PRIORITY.pattern, "b"), span(5, 9, PRIORITY.lexicon, "c")])).toEqual(["b"]);
    expect(selected([span(3, 6, PRIORITY.guess, "later"), span(1, 4, PRIORITY.guess, "earlier")])).toEqual(["earlier"]);
  });

  test("spans that only touch both stay; an empty span neither blocks nor is blocked", () => {
    expect(selected([span(5, 8, PRIORITY.guess), span(0, 5, PRIORITY.guess), span(8, 9, PRIORITY.guess)])).toEqual(["0-5", "5-8", "8-9"]);
    expect(selected([span(2, 2, PRIORITY.pattern), span(0, 4, PRIORITY.guess)])).toEqual(["0-4", "2-2"]);
  });
});
