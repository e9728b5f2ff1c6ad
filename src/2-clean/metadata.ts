/** The leading metadata line of the sample corpus: ` date 2018-08 ` before the article text. */
const DATE_LINE = /^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)(?=\s)/i;

/** The publication date stated at the head of the text, and how many characters it takes up. */
export function leadingDate(text: string): { date: string; length: number } | undefined {
  const match = DATE_LINE.exec(text);
  if (!match || !isCalendarDate(match[1])) return undefined;
  return { date: match[1], length: match[0].length };
}

function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split("-").map(Number);
  if (month < 1 || month > 12 || year < 1800) return false;
  return day === undefined || (day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate());
}
