import { contractBorrowCreateSchema } from '@concord/contracts';
import { App, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { useZodRules } from '../../../shared/zodRules';
import { ColleagueSelect } from '../pickers/ColleagueSelect';
import { useBorrowOriginal } from './archiveApi';

interface BorrowValues {
  borrowerId: string;
  /** `YYYY-MM-DD`, as are the other dates. */
  borrowedDate: string;
  dueDate: string;
  purpose: string;
}

const daysLentByDefault = 14;

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
  const rules = useZodRules(
    contractBorrowCreateSchema,
    {
      borrowerId: t('contractArchive.borrow.borrower'),
      borrowedDate: t('contractArchive.borrow.borrowedDate'),
      dueDate: t('contractArchive.borrow.dueDate'),
      purpose: t('contractArchive.borrow.purpose'),
    },
    { picked: ['borrowerId', 'borrowedDate', 'dueDate'] },
  );

  useEffect(() => {
    if (!open) return;
    borrow.reset();
    form.resetFields();
    form.setFieldsValue({
      borrowedDate: dayjs().format('YYYY-MM-DD'),
      dueDate: dayjs().add(daysLentByDefault, 'day').format('YYYY-MM-DD'),
    });
  }, [open, form, borrow.reset]);

  const onFinish = (values: BorrowValues) => {
    borrow.mutate(values, {
      onSuccess: () => {
        message.success(t('contractArchive.borrow.created'));
        onClose();
      },
      onError: fieldErrorsInto(form),
    });
  };

  return (
    <FormModal<BorrowValues>
      open={open}
      title={t('contractArchive.borrow.createTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('contractArchive.borrow.create')}
      pending={borrow.isPending}
      error={borrow.error}
      okTestId="borrow-save"
    >
      <Form.Item name="borrowerId" label={t('contractArchive.borrow.borrower')} rules={rules.borrowerId}>
        <ColleagueSelect data-testid="borrow-borrower" />
      </Form.Item>
      <Form.Item
        name="borrowedDate"
        label={t('contractArchive.borrow.borrowedDate')}
        rules={rules.borrowedDate}
      >
        <DateInput testId="borrow-date" />
      </Form.Item>
      <Form.Item
        name="dueDate"
        label={t('contractArchive.borrow.dueDate')}
        dependencies={['borrowedDate']}
        rules={[
          ...rules.dueDate,
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              const from = getFieldValue('borrowedDate') as string | undefined;
              // Calendar dates compare as text (YYYY-MM-DD).
              if (value && from && value < from)
                throw new Error(t('contractArchive.borrow.dueBeforeBorrowed'));
            },
          }),
        ]}
      >
        <DateInput testId="borrow-due" />
      </Form.Item>
      <Form.Item name="purpose" label={t('contractArchive.borrow.purpose')} rules={rules.purpose}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="borrow-purpose" />
      </Form.Item>
    </FormModal>
  );
}
