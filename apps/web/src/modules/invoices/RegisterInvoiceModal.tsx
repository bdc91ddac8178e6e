import { App, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../shared/FormError';
import { showFieldErrors } from '../../shared/formRules';
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
    <Modal
      open={open}
      title={t('invoices.registerTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('invoices.register')}
      confirmLoading={register.isPending}
      okButtonProps={{ 'data-testid': 'invoice-save' }}
      width={680}
      forceRender
    >
      <FormError error={register.error} />
      <Form<InvoiceFieldValues>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          register.mutate(invoiceBodyOf(values), {
            onSuccess: () => {
              message.success(t('invoices.registered'));
              onClose();
            },
            onError: (error) => showFieldErrors(form, error),
          })
        }
      >
        <InvoiceFields form={form} />
      </Form>
    </Modal>
  );
}
