import iconv from "iconv-lite";
import { decodeBytes } from "../../src/1-read/decode.js";

const french = "L'État a délégué à Sébastien Lecornu la défense de l'accord, déjà signé à Montréal.";

describe("decodeBytes", () => {
  test("reads UTF-8 and drops its byte-order mark", () => {
    expect(decodeBytes(Buffer.from(`\ufeff${french}`, "utf8"))).toEqual({ text: french, encoding: "utf-8" });
  });

  test("reads UTF-16 little- and big-endian with a byte-order mark", () => {
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(french, "utf-16le")]))).toEqual({ text: french, encoding: "utf-16le" });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(french, "utf-16be")]))).toEqual({ text: french, encoding: "utf-16be" });
  });

  test("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    const bytes = iconv.encode(`${french} Coût : 5 €, « œuvre ».`, "windows-1252");
    expect(decodeBytes(bytes)).toEqual({ text: `${french} Coût : 5 €, « œuvre ».`, encoding: "windows-1252" });
  });

  test("skips empty and binary content, but keeps a text with a stray NUL byte", () => {
    expect(decodeBytes(Buffer.alloc(0))).toEqual({ skipReason: "empty file" });
    expect(decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual({ skipReason: "not text: binary content" });
    expect(decodeBytes(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj", "latin1"))).toEqual({ skipReason: "not text: binary content" });
    expect(decodeBytes(Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(40)]))).toEqual({ skipReason: "not text: binary content" });
    const withNul = decodeBytes(Buffer.from(`${french}\u0000 Suite du texte.`, "utf8"));
    expect(withNul).toEqual({ text: `${french}\u0000 Suite du texte.`, encoding: "utf-8" });
  });
});
