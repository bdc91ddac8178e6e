import type { InvoiceStatus } from '@concord/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function InvoiceStatusTag({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'VALID' ? 'success' : 'default'} data-testid={`invoice-status-${status}`}>
      {t(`invoices.status.${status}`)}
    </Tag>
  );
}
