import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/auth/session';
import { fileContentUrl, fileUploadUrl } from '../api/workflowApi';

const maxAttachments = 10;

interface Uploaded {
  id: string;
  name: string;
}

/**
 * Files attached to an approval comment, uploaded to /api/v1/files with the CSRF header as the
 * forms module's attachment input does; the form value is the list of file ids.
 */
export function CommentAttachmentsInput({
  value,
  onChange,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const ids = value ?? [];
  return (
    <div>
      {ids.map((id) => (
        <Flex key={id} align="center" gap={8}>
          <Typography.Link href={fileContentUrl(id)} target="_blank">
            <PaperClipOutlined /> {names[id] ?? id.slice(0, 8)}
          </Typography.Link>
          <Button
            type="text"
            size="small"
            icon={<DeleteOutlined />}
            aria-label={t('common.delete')}
            onClick={() => onChange?.(ids.filter((other) => other !== id))}
          />
        </Flex>
      ))}
      {ids.length < maxAttachments && (
        <Upload
          name="file"
          action={fileUploadUrl}
          headers={{ 'X-CSRF-Token': session.csrfToken }}
          withCredentials
          fileList={uploading}
          onChange={({ file, fileList }) => {
            const uploaded = file.response as Uploaded | undefined;
            if (file.status === 'done' && uploaded?.id) {
              setNames((known) => ({ ...known, [uploaded.id]: uploaded.name }));
              onChange?.([...ids, uploaded.id]);
              setUploading(fileList.filter((f) => f.uid !== file.uid));
            } else {
              setUploading(fileList);
            }
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="approval-action-upload">
            {t('approvals.modal.upload')}
          </Button>
        </Upload>
      )}
    </div>
  );
}

/** Links to a timeline entry's attachments. */
export function AttachmentLinks({ attachments }: { attachments: Uploaded[] }) {
  if (attachments.length === 0) return null;
  return (
    <Flex vertical gap={2} data-testid="approval-timeline-attachments">
      {attachments.map((file) => (
        <Typography.Link key={file.id} href={fileContentUrl(file.id)} target="_blank">
          <PaperClipOutlined /> {file.name}
        </Typography.Link>
      ))}
    </Flex>
  );
}
