import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ledgerLimits } from './useLedgerFilters';

interface KeysetPagerProps {
  /** 1-based index of the page shown. */
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  /** The count of the filtered set (a lower bound when `atLeast`), or null while it is counted. */
  total: { count: number; atLeast: boolean } | null;
  limit: number;
  loading: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onLimit: (limit: number) => void;
}

/**
 * Previous / next paging for a keyset-paged list: there are no page numbers to jump to (the server
 * pages by cursor so deep pages stay fast), only the way back through the pages already seen.
 */
export function KeysetPager(props: KeysetPagerProps) {
  const { t } = useTranslation();
  return (
    <Flex
      justify="flex-end"
      align="center"
      gap={8}
      wrap
      style={{ marginTop: 16 }}
      data-testid="contracts-pager"
    >
      <Typography.Text type="secondary" data-testid="contracts-count">
        {props.total === null
          ? t('common.totalPending')
          : t(props.total.atLeast ? 'common.totalAtLeast' : 'common.total', {
              total: props.total.count.toLocaleString(),
            })}
      </Typography.Text>
      <Button
        size="small"
        icon={<LeftOutlined />}
        disabled={!props.hasPrevious || props.loading}
        onClick={props.onPrevious}
        data-testid="contracts-page-previous"
      >
        {t('contracts.ledger.previous')}
      </Button>
      <Typography.Text data-testid="contracts-page-number">
        {t('contracts.ledger.page', { page: props.page })}
      </Typography.Text>
      <Button
        size="small"
        disabled={!props.hasNext || props.loading}
        onClick={props.onNext}
        data-testid="contracts-page-next"
      >
        {t('contracts.ledger.next')} <RightOutlined />
      </Button>
      <Select<number>
        size="small"
        value={props.limit}
        onChange={props.onLimit}
        options={ledgerLimits.map((limit) => ({
          value: limit,
          label: t('contracts.ledger.perPage', { limit }),
        }))}
        style={{ width: 110 }}
        data-testid="contracts-page-size"
      />
    </Flex>
  );
}
