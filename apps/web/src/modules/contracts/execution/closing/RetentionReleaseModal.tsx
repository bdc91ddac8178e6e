import type { ContractSettlement } from '@concord/contracts';
import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../../shared/FormError';
import { formatMoney } from '../../../../shared/format';
import { useReleaseRetention } from './closingApi';

/** 释放质保金: records the release date (today by default) and a note. */
export function RetentionReleaseModal({
  settlement,
  open,
  onClose,
}: {
  contractId: string;
  settlement: ContractSettlement;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ releasedOn: Dayjs; note?: string }>();
  const release = useReleaseRetention();

  useEffect(() => {
    if (!open) return;
    release.reset();
    form.setFieldsValue({ releasedOn: dayjs(), note: '' });
  }, [open, form, release.reset]);

  const submit = async () => {
    const values = await form.validateFields();
    await release.mutateAsync({
      id: settlement.id,
      body: { releasedOn: values.releasedOn.format('YYYY-MM-DD'), note: values.note?.trim() || null },
    });
    message.success(t('contractClosing.settlement.released'));
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('contractClosing.settlement.releaseTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={release.isPending}
      okButtonProps={{ 'data-testid': 'retention-release-submit' } as never}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('contractClosing.settlement.retention')}：{formatMoney(settlement.retentionAmount)}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="releasedOn"
          label={t('contractClosing.settlement.releasedOn')}
          rules={[{ required: true }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('contractClosing.settlement.releaseNote')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
      <FormError error={release.error} />
    </Modal>
  );
}
