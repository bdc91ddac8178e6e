import { type ContractBorrow, contractBorrowReturnSchema } from '@concord/contracts';
import { App, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { useZodRules } from '../../../shared/zodRules';
import { useReturnOriginal } from './archiveApi';

interface ReturnValues {
  /** `YYYY-MM-DD`. */
  returnedDate: string;
  note?: string;
}

/** 归还: confirms the original is back, on which day, with a note on its condition. */
export function ReturnModal({ borrow, onClose }: { borrow: ContractBorrow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReturnValues>();
  const giveBack = useReturnOriginal(borrow?.contractId ?? '');
  const rules = useZodRules(
    contractBorrowReturnSchema,
    { returnedDate: t('contractArchive.borrow.returnedDate'), note: t('contractArchive.borrow.returnNote') },
    { picked: ['returnedDate'] },
  );

  useEffect(() => {
    if (!borrow) return;
    giveBack.reset();
    form.resetFields();
    form.setFieldsValue({ returnedDate: dayjs().format('YYYY-MM-DD') });
  }, [borrow, form, giveBack.reset]);

  const onFinish = (values: ReturnValues) => {
    if (!borrow) return;
    giveBack.mutate(
      {
        borrowId: borrow.id,
        body: { returnedDate: values.returnedDate, note: values.note?.trim() ? values.note : null },
      },
      {
        onSuccess: () => {
          message.success(t('contractArchive.borrow.returned'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  return (
    <FormModal<ReturnValues>
      open={Boolean(borrow)}
      title={t('contractArchive.borrow.returnTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('contractArchive.borrow.return')}
      pending={giveBack.isPending}
      error={giveBack.error}
      okTestId="return-save"
      intro={
        borrow && (
          <Typography.Paragraph type="secondary">
            {t('contractArchive.borrow.returnHint', {
              borrower: borrow.borrowerName,
              contract: borrow.contractName,
            })}
          </Typography.Paragraph>
        )
      }
    >
      <Form.Item
        name="returnedDate"
        label={t('contractArchive.borrow.returnedDate')}
        rules={[
          ...rules.returnedDate,
          {
            validator: async (_rule, value: string | undefined) => {
              if (value && borrow && value < borrow.borrowedDate)
                throw new Error(t('contractArchive.borrow.returnedBeforeBorrowed'));
            },
          },
        ]}
      >
        <DateInput testId="return-date" />
      </Form.Item>
      <Form.Item name="note" label={t('contractArchive.borrow.returnNote')} rules={rules.note}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="return-note" />
      </Form.Item>
    </FormModal>
  );
}
