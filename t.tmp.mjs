import { tokenize } from './dist/src/4-tokenize/tokenize.js';
import { splitSentences } from './dist/src/4-tokenize/sentences.js';
import { buildDocument } from './dist/src/5-extract/document.js';
import { headPhrases } from './dist/src/5-extract/organisation/head-phrases.js';
const text = "Il a rencontré le président de l’Agence centrale du renseignement et le directeur du Bureau d’investigation fédéral, précise la même source.";
const toks = tokenize(text);
const doc = buildDocument(text, splitSentences(text, toks));
console.log(doc.sentenceEnds, doc.tokens.length);
for (const p of headPhrases(doc)) console.log(p, doc.tokens.slice(p.from, p.to+1).map(t=>t.text).join(' '));
