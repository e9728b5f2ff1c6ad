import { detached } from "../../src/common/detached.js";

test("detached gives an equal string, short or long", () => {
  const article = "Le Forum mondial de lutte contre le terrorisme a tenu mardi une réunion à Rabat.";
  const name = article.slice(3, 46);
  expect(detached(name)).toBe("Forum mondial de lutte contre le terrorisme");
  expect(detached("Rabat")).toBe("Rabat");
  expect(detached("")).toBe("");
});
