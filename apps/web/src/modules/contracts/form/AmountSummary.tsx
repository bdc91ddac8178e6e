import { splitTax } from '@concord/contracts';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/format';
import { useIsPhone } from '../../../shared/useIsPhone';
import { percentToBasisPoints } from '../shared/money';

/**
 * The tax inside the amount and the amount excluding tax, computed as the user types with the same
 * `splitTax` the server uses (half up to the 分), so what is shown is what will be stored.
 */
export function AmountSummary({
  amount,
  taxRate,
  currency,
}: {
  /** 分. */
  amount: number | null | undefined;
  taxRate: number | undefined;
  currency: string | undefined;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const fen = amount ?? null;
  const basisPoints = percentToBasisPoints(taxRate);
  const valid = fen !== null && fen >= 0 && basisPoints !== null && basisPoints >= 0 && basisPoints <= 10000;
  const split = valid ? splitTax(fen, basisPoints) : null;
  const show = (value: number | undefined) =>
    value === undefined ? '—' : formatMoney(value, currency ?? 'CNY');
  return (
    <Descriptions
      size="small"
      bordered
      column={isPhone ? 1 : 3}
      data-testid="contract-amount-summary"
      items={[
        {
          key: 'amount',
          label: t('contracts.field.amountInclTax'),
          children: (
            <span data-testid="contract-amount-incl">{show(valid ? (fen ?? undefined) : undefined)}</span>
          ),
        },
        {
          key: 'tax',
          label: t('contracts.field.taxAmount'),
          children: <span data-testid="contract-tax-amount">{show(split?.taxAmount)}</span>,
        },
        {
          key: 'excl',
          label: t('contracts.field.amountExclTax'),
          children: <span data-testid="contract-amount-excl">{show(split?.amountExclTax)}</span>,
        },
      ]}
    />
  );
}
