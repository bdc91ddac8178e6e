import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { ContractAttachmentType } from '@concord/contracts';
import { Button, Flex, Select, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/auth/session';
import { fileContentUrl, fileUploadUrl } from '../../forms/formsApi';
import { attachmentTypeLabel, attachmentTypes } from './labels';

export interface AttachmentValue {
  fileId: string;
  type: ContractAttachmentType;
  /** Known for files on the contract or just uploaded; only for display. */
  name?: string;
}

interface AttachmentsEditorProps {
  value?: AttachmentValue[];
  onChange?: (value: AttachmentValue[]) => void;
  /** The type a new upload starts with (the user can change it). */
  defaultType?: ContractAttachmentType;
  /** Types the category requires: each missing one is named under the list. */
  requiredTypes?: ContractAttachmentType[];
  max?: number;
  testId?: string;
}

/** A contract's files, each with what it is (signed scan, annex, quotation, ...). */
export function AttachmentsEditor({
  value,
  onChange,
  defaultType = 'ANNEX',
  requiredTypes = [],
  max = 50,
  testId = 'contract-attachments',
}: AttachmentsEditorProps) {
  const { t } = useTranslation();
  const session = useSession();
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const items = value ?? [];
  const missing = requiredTypes.filter((type) => !items.some((item) => item.type === type));
  const typeOptions = attachmentTypes.map((type) => ({ value: type, label: attachmentTypeLabel(t, type) }));

  return (
    <Flex vertical gap={8} data-testid={testId}>
      {items.map((item, index) => (
        <Flex key={item.fileId} gap={8} align="center" wrap data-testid={`${testId}-item`}>
          <Select<ContractAttachmentType>
            size="small"
            value={item.type}
            options={typeOptions}
            onChange={(type) =>
              onChange?.(items.map((other, i) => (i === index ? { ...other, type } : other)))
            }
            style={{ width: 130 }}
            data-testid={`${testId}-type-${index}`}
          />
          <Typography.Link
            href={fileContentUrl(item.fileId)}
            target="_blank"
            ellipsis
            style={{ flex: '1 1 160px', minWidth: 0 }}
          >
            <PaperClipOutlined /> {item.name ?? item.fileId.slice(0, 8)}
          </Typography.Link>
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('common.delete')}
            onClick={() => onChange?.(items.filter((_, i) => i !== index))}
            data-testid={`${testId}-remove-${index}`}
          />
        </Flex>
      ))}
      {items.length < max && (
        <Upload
          name="file"
          action={fileUploadUrl}
          headers={{ 'X-CSRF-Token': session.csrfToken }}
          withCredentials
          fileList={uploading}
          onChange={({ file, fileList }) => {
            const uploaded = file.response as { id?: string; name?: string } | undefined;
            if (file.status === 'done' && uploaded?.id) {
              // A missing required type is the likeliest thing the user is adding.
              const type = missing[0] ?? defaultType;
              onChange?.([...(value ?? []), { fileId: uploaded.id, type, name: uploaded.name ?? file.name }]);
              setUploading(fileList.filter((f) => f.uid !== file.uid));
            } else {
              setUploading(fileList);
            }
          }}
        >
          <Button icon={<UploadOutlined />} data-testid={`${testId}-upload`}>
            {t('contracts.form.upload')}
          </Button>
        </Upload>
      )}
      {missing.length > 0 && (
        <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid={`${testId}-missing`}>
          {t('contracts.form.missingAttachments', {
            types: missing.map((type) => attachmentTypeLabel(t, type)).join('、'),
          })}
        </Typography.Text>
      )}
    </Flex>
  );
}
