import {
  type Locale,
  type PartnerKind,
  type PartnerType,
  partnerIndustries,
  partnerLabelOf,
  partnerRegions,
  qualificationDaysLeft,
} from '@concord/contracts';
import type { TFunction } from 'i18next';

export const localeOf = (language: string): Locale => (language.startsWith('en') ? 'en-US' : 'zh-CN');

export const industryLabel = (code: string | null, locale: Locale) =>
  partnerLabelOf(partnerIndustries, code, locale);
export const regionLabel = (code: string | null, locale: Locale) =>
  partnerLabelOf(partnerRegions, code, locale);

export const industryOptions = (locale: Locale) =>
  partnerIndustries.map((i) => ({ value: i.code, label: `${i.code} ${i[locale]}` }));
export const regionOptions = (locale: Locale) =>
  partnerRegions.map((r) => ({ value: r.code, label: r[locale] }));

export const kindLabel = (kind: PartnerKind, t: TFunction) => t(`partners.kind.${kind}`);
export const typeLabel = (type: PartnerType, t: TFunction) => t(`partners.type.${type}`);

/** Today in China (calendar dates of qualifications are Chinese calendar days). */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

export type ExpiryState = 'none' | 'valid' | 'expiring' | 'expired';

/** How a qualification stands today: expiring within 30 days is highlighted, expired in red. */
export function expiryOf(
  validTo: string | null,
  today = todayInChina(),
): { state: ExpiryState; days: number } {
  if (!validTo) return { state: 'none', days: 0 };
  const days = qualificationDaysLeft(today, validTo);
  if (days < 0) return { state: 'expired', days: -days };
  return { state: days <= 30 ? 'expiring' : 'valid', days };
}
