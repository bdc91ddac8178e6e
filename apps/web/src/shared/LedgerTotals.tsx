import { Card, Descriptions, Spin, Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerColumn } from './columnSettings';
import { formatMoney } from './format';

/** Totals of the whole filtered set, one entry a currency (never summed across currencies). */
export interface LedgerTotals {
  count: number;
  /** The set is larger than the server adds up on request: `count` is a lower bound, no amounts. */
  capped?: boolean;
  byCurrency: { currency: string; amounts: Partial<Record<string, number | null>> }[];
}

/** The totals of a ledger whose totals come apart from its pages: still on their way, or here. */
export type LedgerTotalsState = LedgerTotals | 'pending';

/** Totals of an API that gives one set of amounts per currency (`{ currency, count, ...amounts }[]`). */
export function totalsByCurrency(
  count: number,
  rows: ({ currency: string; count?: number } & Record<string, number | string | undefined>)[],
  capped = false,
): LedgerTotals {
  return {
    count,
    capped,
    byCurrency: rows.map(({ currency, count: _count, ...amounts }) => ({
      currency,
      amounts: amounts as Record<string, number>,
    })),
  };
}

/** Whether the totals show as one line instead of the amounts: still added up, or the set too large. */
const isNotice = (totals: LedgerTotalsState): totals is 'pending' | (LedgerTotals & { capped: true }) =>
  totals === 'pending' || totals.capped === true;

/** That one line. */
function TotalsNotice({ totals }: { totals: LedgerTotalsState }) {
  const { t } = useTranslation();
  if (totals === 'pending') {
    return (
      <span role="status">
        <Spin size="small" /> {t('kit.totalsPending')}
      </span>
    );
  }
  return <>{t('kit.totalsCapped', { count: totals.count.toLocaleString() })}</>;
}

/** The totals row under a ledger's table: a row per currency, the count in the first cell. */
export function TotalsRow<T>({
  columns,
  totals,
  ledgerId,
  label,
}: {
  columns: LedgerColumn<T>[];
  totals: LedgerTotalsState;
  ledgerId: string;
  label?: (count: number) => ReactNode;
}) {
  const { t } = useTranslation();
  if (isNotice(totals)) {
    return (
      <Table.Summary fixed>
        <Table.Summary.Row data-testid={`${ledgerId}-totals`}>
          <Table.Summary.Cell index={0} colSpan={columns.length}>
            <strong>
              <TotalsNotice totals={totals} />
            </strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      </Table.Summary>
    );
  }
  return (
    <Table.Summary fixed>
      {totals.byCurrency.map(({ currency, amounts }, rowIndex) => (
        <Table.Summary.Row key={currency} data-testid={`${ledgerId}-totals`}>
          {columns.map((column, index) => {
            let content: ReactNode = null;
            if (index === 0 && rowIndex === 0)
              content = label ? label(totals.count) : t('kit.totalsCount', { count: totals.count });
            else if (index === 0) content = currency;
            else if (column.total) content = formatMoney(amounts[column.total], currency);
            return (
              <Table.Summary.Cell key={column.key} index={index} align={column.total ? 'right' : undefined}>
                {content !== null && <strong>{content}</strong>}
              </Table.Summary.Cell>
            );
          })}
        </Table.Summary.Row>
      ))}
    </Table.Summary>
  );
}

/** The totals at phone width, a card above the list. */
export function TotalsCard<T>({
  columns,
  totals,
  ledgerId,
}: {
  columns: LedgerColumn<T>[];
  totals: LedgerTotalsState;
  ledgerId: string;
}) {
  const { t } = useTranslation();
  const totalled = columns.filter((column) => column.total);
  if (isNotice(totals)) {
    return (
      <Card size="small" style={{ marginBottom: 8 }} data-testid={`${ledgerId}-totals`}>
        <TotalsNotice totals={totals} />
      </Card>
    );
  }
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid={`${ledgerId}-totals`}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'count', label: t('kit.count'), children: totals.count.toLocaleString() },
          ...totals.byCurrency.flatMap(({ currency, amounts }) =>
            totalled.map((column) => ({
              key: `${currency}-${column.key}`,
              label: column.title as ReactNode,
              children: formatMoney(amounts[column.total as string], currency),
            })),
          ),
        ]}
      />
    </Card>
  );
}
