import { App, Form } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, fieldErrorsInto } from '../../shared/FormModal';
import { InvoiceFields, type InvoiceFieldValues, invoiceBodyOf } from './InvoiceFields';
import { useRegisterInvoice } from './invoicesApi';

/** 登记发票 in the registry, for the acting entity. */
export function RegisterInvoiceModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<InvoiceFieldValues>();
  const register = useRegisterInvoice();

  useEffect(() => {
    if (!open) return;
    register.reset();
    form.resetFields();
    form.setFieldsValue({
      direction: 'RECEIVED',
      type: 'DIGITAL_SPECIAL',
      issueDate: dayjs().format('YYYY-MM-DD'),
    });
  }, [open, form, register.reset]);

  return (
    <FormModal<InvoiceFieldValues>
      open={open}
      title={t('invoices.registerTitle')}
      form={form}
      onSubmit={(values) =>
        register.mutate(invoiceBodyOf(values), {
          onSuccess: () => {
            message.success(t('invoices.registered'));
            onClose();
          },
          onError: fieldErrorsInto(form),
        })
      }
      onCancel={onClose}
      okText={t('invoices.register')}
      pending={register.isPending}
      error={register.error}
      okTestId="invoice-save"
      width={680}
    >
      <InvoiceFields form={form} />
    </FormModal>
  );
}
