import { type ContractSettlement, retentionReleaseSchema } from '@concord/contracts';
import { Alert, App, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../../../shared/FormModal';
import { formatMoney } from '../../../../shared/format';
import { useZodRules } from '../../../../shared/zodRules';
import { useReleaseRetention } from './closingApi';

interface Values {
  releasedOn?: string | null;
  note?: string;
}

/** 释放质保金: records the release date (today by default) and a note. */
export function RetentionReleaseModal({
  settlement,
  currency,
  open,
  onClose,
}: {
  contractId: string;
  settlement: ContractSettlement;
  /** The contract's currency, which the retention is held in. */
  currency?: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const release = useReleaseRetention();

  useEffect(() => {
    if (!open) return;
    release.reset();
    form.resetFields();
    form.setFieldsValue({ releasedOn: dayjs().format('YYYY-MM-DD'), note: '' });
  }, [open, form, release.reset]);

  // The body may leave the date out (the server takes today) but the dialog always shows one.
  const rules = useZodRules(
    retentionReleaseSchema,
    {
      releasedOn: t('contractClosing.settlement.releasedOn'),
      note: t('contractClosing.settlement.releaseNote'),
    },
    { required: ['releasedOn'], picked: ['releasedOn'] },
  );

  // Before the due date the release is an override: the server asks for a reason (and the right).
  const releasedOn = Form.useWatch('releasedOn', form);
  const dueOn = settlement.retentionReleaseDate;
  const early = Boolean(dueOn && releasedOn && releasedOn < dueOn);
  const noteRules = early
    ? [
        ...(rules.note ?? []),
        { required: true, message: t('contractClosing.settlement.earlyReasonRequired') },
      ]
    : rules.note;

  const onFinish = (values: Values) =>
    release.mutate(
      {
        id: settlement.id,
        body: { releasedOn: values.releasedOn ?? undefined, note: values.note?.trim() || null },
      },
      {
        onSuccess: () => {
          message.success(t('contractClosing.settlement.released'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );

  return (
    <FormModal<Values>
      open={open}
      title={t('contractClosing.settlement.releaseTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      pending={release.isPending}
      error={release.error}
      okTestId="retention-release-submit"
      intro={
        <Typography.Paragraph>
          {t('contractClosing.settlement.retention')}：{formatMoney(settlement.retentionAmount, currency)}
        </Typography.Paragraph>
      }
    >
      <Form.Item
        name="releasedOn"
        label={t('contractClosing.settlement.releasedOn')}
        rules={rules.releasedOn}
      >
        <DateInput />
      </Form.Item>
      {early && (
        <Alert
          type="warning"
          showIcon
          title={t('contractClosing.settlement.earlyRelease', { date: dueOn })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item name="note" label={t('contractClosing.settlement.releaseNote')} rules={noteRules}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
