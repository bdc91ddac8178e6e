import type { FormField } from '@concord/contracts';
import { formatMoney, formatPercentFromBasisPoints } from '../../../shared/format';

/** A form value as read-only text (detail page fallback, preview of what is being submitted). */
export function formValueText(field: FormField | undefined, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  const optionLabel = (option: unknown) =>
    field?.options?.find((candidate) => candidate.value === option)?.label ?? String(option);
  switch (field?.type) {
    case 'money':
      return typeof value === 'number' ? formatMoney(value) : String(value);
    case 'percent':
      return typeof value === 'number' ? formatPercentFromBasisPoints(value) : String(value);
    case 'dateRange':
      return Array.isArray(value) ? value.join(' ~ ') : String(value);
    case 'select':
      return optionLabel(value);
    case 'multiSelect':
      return Array.isArray(value) ? value.map(optionLabel).join('、') : String(value);
    case 'table':
      return Array.isArray(value) ? `${value.length} ×` : '';
    default:
      if (Array.isArray(value)) return value.map((item) => String(item)).join('、');
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
  }
}
