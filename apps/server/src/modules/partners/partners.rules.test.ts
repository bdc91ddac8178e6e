import {
  addDays,
  creditCodeCheckChar,
  creditCodeIssue,
  creditCodeIssueText,
  isValidCreditCode,
  normalizeCreditCode,
  regionOfCreditCode,
} from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckText, reminderThreshold, usableBy } from './partners.rules.js';

/** Codes whose check characters were computed with GB 32100-2015 (the demo partners' among them). */
const valid = [
  '91110108MA01Q7HK0D',
  '31110000E736452153',
  '91310115MA1K4B2R2W',
  '91320500MA1N8YXU16',
  '91440300MA5F2K9N0R',
  '91330108MA2H0L5PXN',
  '12440300MB2D14782H',
  // Published codes of well-known companies: the algorithm must agree with the real registry.
  '91110108551385082Q',
  '91440300708461136T',
];

describe('unified social credit code', () => {
  it('accepts codes with a correct check character', () => {
    for (const code of valid) {
      expect(creditCodeIssue(code), code).toBeNull();
      expect(creditCodeCheckChar(code.slice(0, 17)), code).toBe(code[17]);
    }
  });

  it('names a wrong check character and the one expected', () => {
    expect(creditCodeIssue('91110108MA01Q7HK0E')).toEqual({ kind: 'checkDigit', expected: 'D', actual: 'E' });
    // One mistyped character elsewhere changes the expected check character too.
    expect(creditCodeIssue('91110108MA01Q7HK1D')).toMatchObject({ kind: 'checkDigit', actual: 'D' });
    expect(creditCodeIssueText({ kind: 'checkDigit', expected: 'D', actual: 'E' }, 'zh-CN')).toBe(
      '校验位（第 18 位）应为“D”，实际为“E”，请核对是否抄错',
    );
  });

  it('names the length and the first character not allowed', () => {
    expect(creditCodeIssue('91110108MA01Q7HK0')).toEqual({ kind: 'length', length: 17 });
    expect(creditCodeIssue('91110108MA01Q7HK0DD')).toEqual({ kind: 'length', length: 19 });
    // I, O, S, V and Z are never used (they look like 1, 0, 5, U and 2).
    expect(creditCodeIssue('91110108MA01O7HK0D')).toEqual({
      kind: 'character',
      position: 13,
      character: 'O',
    });
    expect(creditCodeIssue('9111010８MA01Q7HK0D')).toEqual({
      kind: 'character',
      position: 8,
      character: '８',
    });
    expect(creditCodeIssueText({ kind: 'character', position: 13, character: 'O' }, 'en-US')).toBe(
      'character 13 "O" is not allowed (digits and capital letters except I, O, S, V, Z)',
    );
    expect(creditCodeIssueText({ kind: 'length', length: 17 }, 'zh-CN')).toBe('应为 18 位，实际 17 位');
  });

  it('normalises case and spaces before checking', () => {
    expect(normalizeCreditCode(' 9111 0108ma01 q7hk0d ')).toBe('91110108MA01Q7HK0D');
    expect(isValidCreditCode(' 9111 0108ma01 q7hk0d ')).toBe(true);
    expect(checkCreditCode('91110108ma01q7hk0d', 'enterprise')).toEqual({
      ok: true,
      creditCode: '91110108MA01Q7HK0D',
    });
  });

  it('requires a code except for individuals', () => {
    expect(checkCreditCode(null, 'individual')).toEqual({ ok: true, creditCode: null });
    expect(checkCreditCode('  ', 'individual')).toEqual({ ok: true, creditCode: null });
    const missing = checkCreditCode(null, 'enterprise');
    expect(missing).toEqual({ ok: false, issue: { kind: 'required' } });
    expect(creditCodeCheckText({ kind: 'required' }, 'en-US')).toBe(
      'it is required unless the partner is an individual',
    );
    // An individual who gives a code must give a valid one.
    expect(checkCreditCode('91110108MA01Q7HK0E', 'individual')).toMatchObject({ ok: false });
  });

  it('reads the province from the code', () => {
    expect(regionOfCreditCode('91440300MA5F2K9N0R')).toBe('44');
    expect(regionOfCreditCode('91310115MA1K4B2R2W')).toBe('31');
    expect(regionOfCreditCode('91990000MA5F2K9N0R')).toBeNull();
  });
});

describe('partner rules', () => {
  it('lets an entity use its own partners and shared ones only', () => {
    expect(usableBy({ entityId: 'a', sharedWithGroup: false }, 'a')).toBe(true);
    expect(usableBy({ entityId: 'a', sharedWithGroup: false }, 'b')).toBe(false);
    expect(usableBy({ entityId: 'a', sharedWithGroup: true }, 'b')).toBe(true);
  });

  it('picks the tightest reminder threshold reached, none before 30 days or after expiry', () => {
    expect([31, 30, 8, 7, 0, -1].map(reminderThreshold)).toEqual([null, 30, 30, 7, 7, null]);
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
