import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../shared/FormError';
import { showFieldErrors } from '../../../shared/formRules';
import { ColleagueSelect } from '../pickers/ColleagueSelect';
import { useBorrowOriginal } from './archiveApi';

interface BorrowValues {
  borrowerId: string;
  borrowedDate: Dayjs;
  dueDate: Dayjs;
  purpose: string;
}

/** 借阅登记: who takes the original, from when, until when and why. */
export function BorrowModal({
  contractId,
  open,
  onClose,
}: {
  contractId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BorrowValues>();
  const borrow = useBorrowOriginal(contractId);

  useEffect(() => {
    if (!open) return;
    borrow.reset();
    form.resetFields();
    form.setFieldsValue({ borrowedDate: dayjs(), dueDate: dayjs().add(14, 'day') });
  }, [open, form, borrow.reset]);

  const onFinish = (values: BorrowValues) => {
    borrow.mutate(
      {
        borrowerId: values.borrowerId,
        borrowedDate: values.borrowedDate.format('YYYY-MM-DD'),
        dueDate: values.dueDate.format('YYYY-MM-DD'),
        purpose: values.purpose,
      },
      {
        onSuccess: () => {
          message.success(t('contractArchive.borrow.created'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  const requiredSelect = (field: string) => [
    { required: true, message: t('validation.requiredSelect', { field }) },
  ];

  return (
    <Modal
      open={open}
      title={t('contractArchive.borrow.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('contractArchive.borrow.create')}
      confirmLoading={borrow.isPending}
      okButtonProps={{ 'data-testid': 'borrow-save' }}
      forceRender
    >
      <FormError error={borrow.error} />
      <Form<BorrowValues> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="borrowerId"
          label={t('contractArchive.borrow.borrower')}
          rules={requiredSelect(t('contractArchive.borrow.borrower'))}
        >
          <ColleagueSelect data-testid="borrow-borrower" />
        </Form.Item>
        <Form.Item
          name="borrowedDate"
          label={t('contractArchive.borrow.borrowedDate')}
          rules={requiredSelect(t('contractArchive.borrow.borrowedDate'))}
        >
          <DatePicker style={{ width: '100%' }} data-testid="borrow-date" />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label={t('contractArchive.borrow.dueDate')}
          dependencies={['borrowedDate']}
          rules={[
            ...requiredSelect(t('contractArchive.borrow.dueDate')),
            ({ getFieldValue }) => ({
              validator: async (_rule, value: Dayjs | undefined) => {
                const from = getFieldValue('borrowedDate') as Dayjs | undefined;
                if (value && from && value.isBefore(from, 'day'))
                  throw new Error(t('contractArchive.borrow.dueBeforeBorrowed'));
              },
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="borrow-due" />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t('contractArchive.borrow.purpose')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: t('contractArchive.borrow.purpose') }),
            },
          ]}
        >
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            data-testid="borrow-purpose"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
