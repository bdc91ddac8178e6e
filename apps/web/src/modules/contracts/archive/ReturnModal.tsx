import type { ContractBorrow } from '@concord/contracts';
import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../shared/FormError';
import { showFieldErrors } from '../../../shared/formRules';
import { useReturnOriginal } from './archiveApi';

interface ReturnValues {
  returnedDate: Dayjs;
  note?: string;
}

/** 归还: confirms the original is back, on which day, with a note on its condition. */
export function ReturnModal({ borrow, onClose }: { borrow: ContractBorrow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReturnValues>();
  const giveBack = useReturnOriginal(borrow?.contractId ?? '');

  useEffect(() => {
    if (!borrow) return;
    giveBack.reset();
    form.resetFields();
    form.setFieldsValue({ returnedDate: dayjs() });
  }, [borrow, form, giveBack.reset]);

  const onFinish = (values: ReturnValues) => {
    if (!borrow) return;
    giveBack.mutate(
      {
        borrowId: borrow.id,
        body: {
          returnedDate: values.returnedDate.format('YYYY-MM-DD'),
          note: values.note?.trim() ? values.note : null,
        },
      },
      {
        onSuccess: () => {
          message.success(t('contractArchive.borrow.returned'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open={Boolean(borrow)}
      title={t('contractArchive.borrow.returnTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('contractArchive.borrow.return')}
      confirmLoading={giveBack.isPending}
      okButtonProps={{ 'data-testid': 'return-save' }}
      forceRender
    >
      {borrow && (
        <Typography.Paragraph type="secondary">
          {t('contractArchive.borrow.returnHint', {
            borrower: borrow.borrowerName,
            contract: borrow.contractName,
          })}
        </Typography.Paragraph>
      )}
      <FormError error={giveBack.error} />
      <Form<ReturnValues> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="returnedDate"
          label={t('contractArchive.borrow.returnedDate')}
          rules={[
            {
              required: true,
              message: t('validation.requiredSelect', { field: t('contractArchive.borrow.returnedDate') }),
            },
            {
              validator: async (_rule, value: Dayjs | undefined) => {
                if (value && borrow && value.format('YYYY-MM-DD') < borrow.borrowedDate)
                  throw new Error(t('contractArchive.borrow.returnedBeforeBorrowed'));
              },
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="return-date" />
        </Form.Item>
        <Form.Item name="note" label={t('contractArchive.borrow.returnNote')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="return-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
