/*
 * The unified social credit code (统一社会信用代码, GB 32100-2015): its characters, its check
 * character, and what is wrong with a code in words. Partners, the import and the web form use it.
 */

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Upper case, without spaces: how credit codes are stored and compared. */
export const normalizeCreditCode = (code: string): string => code.replace(/\s+/g, '').toUpperCase();

/** The check character (18th) for the first 17 characters, or null when one of them is not allowed. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

export type CreditCodeIssue =
  | { kind: 'length'; length: number }
  | { kind: 'character'; position: number; character: string }
  | { kind: 'checkDigit'; expected: string; actual: string };

/** What is wrong with a (normalised) credit code, or null when it is valid. */
export function creditCodeIssue(code: string): CreditCodeIssue | null {
  const chars = [...code];
  if (chars.length !== 18) return { kind: 'length', length: chars.length };
  const bad = chars.findIndex((c) => !CREDIT_CODE_CHARSET.includes(c));
  if (bad >= 0) return { kind: 'character', position: bad + 1, character: chars[bad] };
  const expected = creditCodeCheckChar(code.slice(0, 17))!;
  if (expected !== code[17]) return { kind: 'checkDigit', expected, actual: code[17] };
  return null;
}

export const isValidCreditCode = (code: string): boolean =>
  creditCodeIssue(normalizeCreditCode(code)) === null;

/** The issue in words, naming what is wrong: for the error message and the web form. */
export function creditCodeIssueText(issue: CreditCodeIssue, locale: 'zh-CN' | 'en-US'): string {
  const zh = locale === 'zh-CN';
  switch (issue.kind) {
    case 'length':
      return zh ? `应为 18 位，实际 ${issue.length} 位` : `it must have 18 characters, not ${issue.length}`;
    case 'character':
      return zh
        ? `第 ${issue.position} 位“${issue.character}”不是允许的字符（数字或除 I、O、S、V、Z 以外的大写字母）`
        : `character ${issue.position} "${issue.character}" is not allowed (digits and capital letters except I, O, S, V, Z)`;
    case 'checkDigit':
      return zh
        ? `校验位（第 18 位）应为“${issue.expected}”，实际为“${issue.actual}”，请核对是否抄错`
        : `the check character (18th) should be "${issue.expected}", not "${issue.actual}"; check for a typo`;
  }
}
