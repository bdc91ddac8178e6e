import { useQuery } from '@tanstack/react-query';
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api/client';

/**
 * The partner picker's empty result: when a partner matching the text exists but belongs to another
 * entity and is not shared with the group, say so and what to do, instead of leaving the user to
 * register a duplicate. The server gives only a count, never the partners.
 */
export function HiddenPartnerHint({ q }: { q: string }) {
  const { t } = useTranslation();
  const text = q.trim();
  const hidden = useQuery({
    queryKey: ['partners', 'hidden-matches', text],
    queryFn: ({ signal }) =>
      api.get<{ count: number; capped: boolean }>('/partners/hidden-matches', { q: text }, signal),
    enabled: text.length >= 2,
    staleTime: 60_000,
  });
  const count = hidden.data?.count ?? 0;
  if (count === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Typography.Paragraph style={{ margin: 8, maxWidth: 360 }} data-testid="partner-hidden-matches">
      {t('contracts.partner.hiddenMatches', { count: hidden.data?.capped ? `${count}+` : count })}
    </Typography.Paragraph>
  );
}
