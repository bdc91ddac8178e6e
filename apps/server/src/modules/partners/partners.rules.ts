import {
  type CreditCodeIssue,
  creditCodeIssue,
  creditCodeIssueText,
  normalizeCreditCode,
  type PartnerType,
} from '@concord/contracts';

export type CreditCodeCheck =
  | { ok: true; creditCode: string | null }
  | { ok: false; issue: CreditCodeIssue | { kind: 'required' } };

/**
 * Normalises (upper case, no spaces) and checks a unified social credit code (GB 32100-2015 check
 * character). Only individuals may go without one.
 */
export function checkCreditCode(raw: string | null | undefined, type: PartnerType): CreditCodeCheck {
  const code = raw ? normalizeCreditCode(raw) : '';
  if (!code)
    return type === 'individual'
      ? { ok: true, creditCode: null }
      : { ok: false, issue: { kind: 'required' } };
  const issue = creditCodeIssue(code);
  return issue ? { ok: false, issue } : { ok: true, creditCode: code };
}

export function creditCodeCheckText(
  issue: CreditCodeIssue | { kind: 'required' },
  locale: 'zh-CN' | 'en-US',
): string {
  if (issue.kind === 'required') {
    return locale === 'zh-CN' ? '除个人外必须填写' : 'it is required unless the partner is an individual';
  }
  return creditCodeIssueText(issue, locale);
}

/** A partner may appear on a contract of the signing entity when it is that entity's own or shared. */
export function usableBy(
  partner: { entityId: string; sharedWithGroup: boolean },
  signingEntityId: string,
): boolean {
  return partner.sharedWithGroup || partner.entityId === signingEntityId;
}

/** The reminder thresholds, in days before a qualification's end; each is sent once per end date. */
export const QUALIFICATION_THRESHOLDS = [30, 7] as const;

/**
 * The threshold a qualification with `daysLeft` days of validity has reached (the tightest one),
 * or null when none applies yet or it has already expired.
 */
export function reminderThreshold(daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  const reached = QUALIFICATION_THRESHOLDS.filter((t) => daysLeft <= t);
  return reached.length ? Math.min(...reached) : null;
}
