import { type Contract, type ContractPaymentPosition, contractPaymentCreateSchema } from '@concord/contracts';
import { Alert, App, Descriptions, Form, Input, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../../../shared/FormModal';
import { formatMoney } from '../../../../shared/format';
import { useZodRules } from '../../../../shared/zodRules';
import { missingSelections } from '../../../approvals/centre/ApproverSelections';
import { ApprovalPathPanel, chosenApprovers } from '../../actions/ApprovalPathPanel';
import { useApprovalPreview } from '../../actions/useApprovalPreview';
import { useRequestPayment } from './paymentsApi';

interface Values {
  planItemId?: string;
  /** 分. */
  amount?: number | null;
  purpose: string;
  overrideReason?: string;
}

/** The server's rule (execution.rules.ts needsOverride), to ask for the reason before submission. */
export function needsOverride(position: ContractPaymentPosition, amount: number): boolean {
  const committed = position.paid + position.requested + amount;
  const covered = Math.min(position.invoiced, position.accepted);
  const allowed = Math.max(
    position.tolerance.amount,
    Math.floor((Math.max(Math.abs(committed), Math.abs(covered)) * position.tolerance.rate) / 10000),
  );
  return committed > covered && Math.abs(committed - covered) > allowed;
}

/**
 * 付款申请: a plan item (with what is left on it), the amount and purpose; before submission the
 * form shows the item's and contract's room and the matching position (paid and requested against
 * invoiced and accepted), asks for an override reason when the request goes beyond them, and
 * previews the approval path. A fresh idempotency key per opening makes a double submit harmless.
 */
export function PaymentRequestModal({
  contract,
  position,
  open,
  onClose,
}: {
  contract: Contract;
  position: ContractPaymentPosition;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const request = useRequestPayment(contract.id);
  const [key, setKey] = useState('');
  const [selections, setSelections] = useState<Record<string, string[]>>({});
  const [tried, setTried] = useState(false);
  const itemId = Form.useWatch('planItemId', form);
  const amount = Form.useWatch('amount', form) ?? 0;
  const item = position.items.find((i) => i.id === itemId);
  const flagged = amount > 0 && needsOverride(position, amount);

  const previewBody = useMemo(
    () =>
      open
        ? {
            businessType: 'contract.payment',
            entityId: contract.entityId,
            amount: amount || undefined,
            formData: { amount },
          }
        : null,
    [open, contract.entityId, amount],
  );
  const preview = useApprovalPreview(previewBody);

  useEffect(() => {
    if (!open) return;
    request.reset();
    form.resetFields();
    const first = position.items.find((i) => i.room > 0);
    form.setFieldsValue({ planItemId: first?.id });
    setKey(crypto.randomUUID());
    setSelections({});
    setTried(false);
  }, [open, form, request.reset, position.items]);

  // The override reason is asked for only once the request goes beyond the invoices and acceptance.
  const rules = useZodRules(
    contractPaymentCreateSchema,
    {
      planItemId: t('contractPayments.form.item'),
      amount: t('contractPayments.form.amount'),
      purpose: t('contractPayments.form.purpose'),
      overrideReason: t('contractPayments.form.overrideReason'),
    },
    { money: ['amount'], required: ['overrideReason'] },
  );
  const withinItemRoom: Rule = {
    validator: async (_rule, fen: number | null | undefined) => {
      if (item && fen && fen > item.room)
        throw new Error(t('contractPayments.form.overRoom', { room: formatMoney(item.room) }));
    },
  };

  const onFinish = (values: Values) => {
    setTried(true);
    if (missingSelections(preview.state.result, selections).length > 0) return;
    request.mutate(
      {
        planItemId: values.planItemId!,
        amount: values.amount ?? 0,
        purpose: values.purpose.trim(),
        idempotencyKey: key,
        overrideReason: flagged ? values.overrideReason?.trim() : undefined,
        selections: chosenApprovers(preview.state.result, selections),
      },
      {
        onSuccess: () => {
          message.success(t('contractPayments.form.requested'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  const committed = position.paid + position.requested + amount;
  return (
    <FormModal<Values>
      open={open}
      title={t('contractPayments.form.requestTitle')}
      form={form}
      onSubmit={onFinish}
      onSubmitFailed={() => setTried(true)}
      onCancel={onClose}
      okText={t('contractPayments.request')}
      pending={request.isPending}
      error={request.error}
      okTestId="payment-request-save"
      okDisabled={flagged && !position.can.override}
      width={600}
      after={
        <ApprovalPathPanel
          preview={preview}
          selections={selections}
          onChange={setSelections}
          showErrors={tried}
        />
      }
    >
      <Form.Item name="planItemId" label={t('contractPayments.form.item')} rules={rules.planItemId}>
        <Select
          data-testid="payment-item"
          options={position.items.map((i) => ({
            value: i.id,
            disabled: i.room <= 0,
            label: t('contractPayments.form.itemOption', {
              seq: i.seq,
              name: i.name,
              due: i.dueDate,
              room: formatMoney(i.room),
            }),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('contractPayments.form.amount')}
        rules={[...rules.amount, withinItemRoom]}
        dependencies={['planItemId']}
      >
        <MoneyInput currency={contract.currency} testId="payment-amount" />
      </Form.Item>
      <Descriptions
        size="small"
        bordered
        column={1}
        title={<Typography.Text strong>{t('contractPayments.form.position')}</Typography.Text>}
        data-testid="payment-position"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'itemRoom',
            label: t('contractPayments.form.itemRoom'),
            children: <span data-testid="payment-item-room">{item ? formatMoney(item.room) : '—'}</span>,
          },
          {
            key: 'contractRoom',
            label: t('contractPayments.form.contractRoom'),
            children: formatMoney(position.room),
          },
          {
            key: 'after',
            label: t('contractPayments.form.afterRequest'),
            children: (
              <Typography.Text type={flagged ? 'danger' : undefined} data-testid="payment-committed">
                {formatMoney(committed)}
              </Typography.Text>
            ),
          },
          {
            key: 'covered',
            label: t('contractPayments.form.covered'),
            children: `${formatMoney(position.invoiced)} / ${formatMoney(position.accepted)}`,
          },
        ]}
      />
      {flagged && (
        <Alert
          type={position.can.override ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="payment-override-alert"
          message={
            position.can.override
              ? t('contractPayments.form.overrideNeeded', {
                  committed: formatMoney(committed),
                  invoiced: formatMoney(position.invoiced),
                  accepted: formatMoney(position.accepted),
                  tolerance: formatMoney(position.tolerance.amount),
                })
              : t('contractPayments.form.overrideForbidden')
          }
        />
      )}
      <Form.Item name="purpose" label={t('contractPayments.form.purpose')} rules={rules.purpose}>
        <Input.TextArea
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('contractPayments.form.purposePlaceholder')}
          data-testid="payment-purpose"
        />
      </Form.Item>
      {flagged && position.can.override && (
        <Form.Item
          name="overrideReason"
          label={t('contractPayments.form.overrideReason')}
          rules={rules.overrideReason}
        >
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t('contractPayments.form.overridePlaceholder')}
            data-testid="payment-override-reason"
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
