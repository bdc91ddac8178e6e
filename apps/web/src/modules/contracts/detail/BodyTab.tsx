import { PaperClipOutlined } from '@ant-design/icons';
import type { Contract, ContractAttachment } from '@concord/contracts';
import { Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../shared/EmptyState';
import { fileContentUrl } from '../../forms/formsApi';
import { attachmentTypeLabel } from '../shared/labels';

/** The body text as written (line breaks kept) and the attachments with their types. */
export function BodyTab({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={5}>{t('contracts.field.body')}</Typography.Title>
        {contract.body ? (
          <div className="concord-contract-body" data-testid="contract-body-text" style={bodyStyle}>
            {contract.body}
          </div>
        ) : (
          <EmptyState description={t('contracts.detail.noBody')} />
        )}
      </div>
      <div>
        <Typography.Title level={5}>{t('contracts.field.attachments')}</Typography.Title>
        <AttachmentList attachments={contract.attachments} />
      </div>
    </Flex>
  );
}

export const bodyStyle = {
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-word',
  background: 'rgba(0,0,0,0.02)',
  border: '1px solid rgba(0,0,0,0.06)',
  borderRadius: 6,
  padding: 16,
  maxHeight: 600,
  overflow: 'auto',
  lineHeight: 1.8,
} as const;

export function AttachmentList({ attachments }: { attachments: ContractAttachment[] }) {
  const { t } = useTranslation();
  if (attachments.length === 0) return <EmptyState description={t('contracts.detail.noAttachments')} />;
  return (
    <List
      size="small"
      data-testid="contract-attachment-list"
      dataSource={attachments}
      rowKey="fileId"
      renderItem={(attachment) => (
        <List.Item>
          <Flex gap={8} align="center" wrap>
            <Tag>{attachmentTypeLabel(t, attachment.type)}</Tag>
            <Typography.Link href={fileContentUrl(attachment.fileId)} target="_blank">
              <PaperClipOutlined /> {attachment.name}
            </Typography.Link>
          </Flex>
        </List.Item>
      )}
    />
  );
}
