import type { SealRequest } from '@concord/contracts';
import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../shared/FormError';
import { useMarkSealUsed } from './archiveApi';

interface UsedValues {
  usedDate: Dayjs;
  note?: string;
}

/** 登记用印: the seal keeper records the day an approved request was stamped. */
export function SealUsedModal({ request, onClose }: { request: SealRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UsedValues>();
  const markUsed = useMarkSealUsed(request?.contractId ?? '');

  useEffect(() => {
    if (!request) return;
    markUsed.reset();
    form.resetFields();
    form.setFieldsValue({ usedDate: dayjs() });
  }, [request, form, markUsed.reset]);

  const onFinish = (values: UsedValues) => {
    if (!request) return;
    markUsed.mutate(
      {
        requestId: request.id,
        body: {
          usedDate: values.usedDate.format('YYYY-MM-DD'),
          note: values.note?.trim() ? values.note : null,
        },
      },
      {
        onSuccess: () => {
          message.success(t('contractArchive.seal.usedDone'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={Boolean(request)}
      title={t('contractArchive.seal.usedTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('contractArchive.seal.markUsed')}
      confirmLoading={markUsed.isPending}
      okButtonProps={{ 'data-testid': 'seal-used-save' }}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('contractArchive.seal.usedHint')}</Typography.Paragraph>
      <FormError error={markUsed.error} />
      <Form<UsedValues> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="usedDate"
          label={t('contractArchive.seal.usedDate')}
          rules={[
            {
              required: true,
              message: t('validation.requiredSelect', { field: t('contractArchive.seal.usedDate') }),
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="seal-used-date" />
        </Form.Item>
        <Form.Item name="note" label={t('contractArchive.seal.usedNote')}>
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            data-testid="seal-used-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
