import { type SealRequest, sealRequestUsedSchema } from '@concord/contracts';
import { App, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { useZodRules } from '../../../shared/zodRules';
import { useMarkSealUsed } from './archiveApi';

interface UsedValues {
  /** `YYYY-MM-DD`. */
  usedDate: string;
  note?: string;
}

/** 登记用印: the seal keeper records the day an approved request was stamped. */
export function SealUsedModal({ request, onClose }: { request: SealRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UsedValues>();
  const markUsed = useMarkSealUsed(request?.contractId ?? '');
  // The server takes today for a missing day; the form shows today and keeps a day there.
  const rules = useZodRules(
    sealRequestUsedSchema,
    { usedDate: t('contractArchive.seal.usedDate'), note: t('contractArchive.seal.usedNote') },
    { required: ['usedDate'], picked: ['usedDate'] },
  );

  useEffect(() => {
    if (!request) return;
    markUsed.reset();
    form.resetFields();
    form.setFieldsValue({ usedDate: dayjs().format('YYYY-MM-DD') });
  }, [request, form, markUsed.reset]);

  const onFinish = (values: UsedValues) => {
    if (!request) return;
    markUsed.mutate(
      {
        requestId: request.id,
        body: { usedDate: values.usedDate, note: values.note?.trim() ? values.note : null },
      },
      {
        onSuccess: () => {
          message.success(t('contractArchive.seal.usedDone'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  return (
    <FormModal<UsedValues>
      open={Boolean(request)}
      title={t('contractArchive.seal.usedTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('contractArchive.seal.markUsed')}
      pending={markUsed.isPending}
      error={markUsed.error}
      okTestId="seal-used-save"
      intro={
        <Typography.Paragraph type="secondary">{t('contractArchive.seal.usedHint')}</Typography.Paragraph>
      }
    >
      <Form.Item name="usedDate" label={t('contractArchive.seal.usedDate')} rules={rules.usedDate}>
        <DateInput testId="seal-used-date" />
      </Form.Item>
      <Form.Item name="note" label={t('contractArchive.seal.usedNote')} rules={rules.note}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="seal-used-note" />
      </Form.Item>
    </FormModal>
  );
}
