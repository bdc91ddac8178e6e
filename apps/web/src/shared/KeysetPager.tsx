import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The page sizes a keyset ledger offers (the API takes 1..200). */
export const keysetLimits = [10, 20, 50, 100];
/** The page size of a keyset ledger when the URL names none (the API's default too). */
export const defaultKeysetLimit = 20;

interface KeysetPagerProps {
  /** Test ids start with it: `${testId}-pager`, `-count`, `-page-previous`, `-page-number`, `-page-next`, `-page-size`. */
  testId: string;
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
 * pages by cursor so deep pages stay fast), only the way back through the pages already seen
 * (`useKeysetCursors` keeps them).
 */
export function KeysetPager(props: KeysetPagerProps) {
  const { t } = useTranslation();
  const { testId } = props;
  return (
    <Flex
      justify="flex-end"
      align="center"
      gap={8}
      wrap
      style={{ marginTop: 16 }}
      data-testid={`${testId}-pager`}
    >
      <Typography.Text type="secondary" data-testid={`${testId}-count`}>
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
        data-testid={`${testId}-page-previous`}
      >
        {t('common.previous')}
      </Button>
      <Typography.Text data-testid={`${testId}-page-number`}>
        {t('common.page', { page: props.page })}
      </Typography.Text>
      <Button
        size="small"
        disabled={!props.hasNext || props.loading}
        onClick={props.onNext}
        data-testid={`${testId}-page-next`}
      >
        {t('common.next')} <RightOutlined />
      </Button>
      <Select<number>
        size="small"
        value={props.limit}
        onChange={props.onLimit}
        options={keysetLimits.map((limit) => ({
          value: limit,
          label: t('common.perPage', { limit }),
        }))}
        style={{ width: 110 }}
        aria-label={t('common.pageSize')}
        data-testid={`${testId}-page-size`}
      />
    </Flex>
  );
}
