import type { WfInstanceStatus } from '@concord/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { instanceStatusColors, instanceStatusLabel } from './labels';

/** One colour per instance status, the same in the list, the cards and the detail header. */
export function InstanceStatusTag({ status }: { status: WfInstanceStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={instanceStatusColors[status]} data-testid="approval-status" style={{ marginInlineEnd: 0 }}>
      {instanceStatusLabel(t, status)}
    </Tag>
  );
}
