import { type Contract, contractChangeCreateSchema } from '@concord/contracts';
import { App, Col, Form, Input, Radio, Row, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput, MoneyInput } from '../../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { useIsPhone } from '../../../shared/useIsPhone';
import { useZodRules } from '../../../shared/zodRules';
import { missingSelections } from '../../approvals/centre/ApproverSelections';
import { ApprovalPathPanel, chosenApprovers } from './ApprovalPathPanel';
import { useContractCategories, useCreateChange } from '../contractsApi';
import { useChangeSchedule } from '../execution/schedule/useChangeSchedule';
import { PartnerBankSelect } from '../form/PartnerBankSelect';
import { useContractRules } from '../form/useContractRules';
import { AttachmentsEditor } from '../shared/AttachmentsEditor';
import { TaxRateInput } from '../shared/TaxRateInput';
import { fieldLabel, fieldValue } from '../shared/fieldValues';
import { type ChangeFormValues, initialOf, proposalOf } from './changeProposal';
import { useApprovalPreview } from './useApprovalPreview';

/**
 * 发起变更 / 补充协议: the contract's current values, editable; what differs becomes the proposal,
 * shown as before → after, and goes through the `contract.change` approval.
 */
export function ChangeOrderModal({ contract, onClose }: { contract: Contract | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<ChangeFormValues>();
  const create = useCreateChange(contract?.id ?? '');
  const categories = useContractCategories();
  const [selections, setSelections] = useState<Record<string, string[]>>({});
  const [tried, setTried] = useState(false);
  const watched = Form.useWatch([], form) as Partial<ChangeFormValues> | undefined;
  const proposal = useMemo(
    () => (contract && watched ? proposalOf(contract, watched) : {}),
    [contract, watched],
  );

  useEffect(() => {
    if (!contract) return;
    create.reset();
    form.resetFields();
    form.setFieldsValue(initialOf(contract));
    setSelections({});
    setTried(false);
  }, [contract, form, create.reset]);

  // A change of the amount on a contract with a plan carries the whole new plan.
  const changeSchedule = useChangeSchedule(contract, proposal.amount, tried);
  const category = categories.data?.find((c) => c.id === contract?.categoryId);
  const previewBody = useMemo(
    () =>
      contract
        ? {
            businessType: 'contract.change',
            entityId: contract.entityId,
            amount: proposal.amount ?? contract.amount,
            category: category?.code,
            formData: contract.customData,
          }
        : null,
    [contract, proposal.amount, category],
  );
  const preview = useApprovalPreview(previewBody);

  // The reason from the change's schema; the contract's values from the contract's own.
  const changeRules = useZodRules(contractChangeCreateSchema, { reason: t('contracts.change.reason') });
  const contractRules = useContractRules();

  const onSubmit = (values: ChangeFormValues) => {
    if (!contract) return;
    setTried(true);
    const proposed = proposalOf(contract, values);
    if (Object.keys(proposed).length === 0) {
      message.warning(t('contracts.change.nothingChanged'));
      return;
    }
    if (missingSelections(preview.state.result, selections).length > 0) return;
    const schedule = changeSchedule.proposalPart();
    if (schedule === false) {
      message.error(t('contractSchedule.change.notBalanced'));
      return;
    }
    if (schedule) proposed.schedule = schedule;
    create.mutate(
      {
        kind: values.kind,
        reason: values.reason.trim(),
        proposed,
        selections: chosenApprovers(preview.state.result, selections),
      },
      {
        onSuccess: () => {
          message.success(t('contracts.change.created'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  const col = (span: number) => ({ xs: 24, md: span });
  const rows = Object.entries(proposal).map(([field, after]) => ({
    field,
    before: contract ? (contract as unknown as Record<string, unknown>)[field] : undefined,
    // The proposal carries file ids only; the form still knows the names.
    after: field === 'attachments' ? watched?.attachments : after,
  }));

  const diff =
    rows.length === 0 ? (
      <Typography.Paragraph type="secondary">{t('contracts.change.noDiff')}</Typography.Paragraph>
    ) : (
      <Table
        size="small"
        rowKey="field"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        data-testid="change-diff"
        style={{ marginBottom: 16 }}
        columns={[
          {
            key: 'field',
            title: t('contracts.compare.field'),
            width: 120,
            render: (_, row) => fieldLabel(t, row.field),
          },
          {
            key: 'before',
            title: t('contracts.change.before'),
            render: (_, row) => (
              <span style={{ color: '#a8071a' }}>
                {fieldValue(t, row.field, row.before, contract?.currency)}
              </span>
            ),
          },
          {
            key: 'after',
            title: t('contracts.change.after'),
            render: (_, row) => (
              <span style={{ color: '#237804' }}>
                {fieldValue(t, row.field, row.after, contract?.currency)}
              </span>
            ),
          },
        ]}
      />
    );

  return (
    <FormModal<ChangeFormValues>
      open={Boolean(contract)}
      title={t('contracts.change.title', { name: contract?.name ?? '' })}
      form={form}
      onSubmit={onSubmit}
      onSubmitFailed={() => setTried(true)}
      onCancel={onClose}
      okText={t('contracts.change.submit')}
      pending={create.isPending}
      error={create.error}
      okTestId="change-submit"
      formTestId="change-form"
      width={isPhone ? '100%' : 860}
      after={
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('contracts.change.preview')}
          </Typography.Title>
          {diff}
          {changeSchedule.element}
          <ApprovalPathPanel
            preview={preview}
            selections={selections}
            onChange={setSelections}
            showErrors={tried}
          />
        </>
      }
    >
      <Row gutter={16}>
        <Col {...col(8)}>
          <Form.Item name="kind" label={t('contracts.change.kind')}>
            <Radio.Group
              data-testid="change-kind"
              options={[
                { value: 'CHANGE', label: t('contracts.changeKind.CHANGE') },
                { value: 'SUPPLEMENT', label: t('contracts.changeKind.SUPPLEMENT') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col {...col(16)}>
          <Form.Item name="reason" label={t('contracts.change.reason')} rules={changeRules.reason}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={2000}
              data-testid="change-reason"
            />
          </Form.Item>
        </Col>
        <Col {...col(24)}>
          <Form.Item name="name" label={t('contracts.field.name')} rules={contractRules.name}>
            <Input maxLength={200} data-testid="change-name" />
          </Form.Item>
        </Col>
        <Col {...col(8)}>
          <Form.Item name="amount" label={t('contracts.field.amountInclTax')} rules={contractRules.amount}>
            <MoneyInput currency={contract?.currency} testId="change-amount" />
          </Form.Item>
        </Col>
        <Col {...col(8)}>
          <Form.Item name="taxRate" label={t('contracts.field.taxRate')} rules={contractRules.taxRate}>
            <TaxRateInput testId="change-tax-rate" />
          </Form.Item>
        </Col>
        <Col {...col(8)}>
          <Form.Item name="partnerBank" label={t('contracts.field.partnerBank')}>
            <PartnerBankSelect
              partnerId={contract?.partnerId}
              saved={contract?.partnerBank}
              onDefault={() => {}}
              data-testid="change-bank"
            />
          </Form.Item>
        </Col>
        <Col {...col(8)}>
          <Form.Item name="startDate" label={t('contracts.field.startDate')}>
            <DateInput testId="change-start-date" />
          </Form.Item>
        </Col>
        <Col {...col(8)}>
          <Form.Item
            name="endDate"
            label={t('contracts.field.endDate')}
            dependencies={['startDate']}
            rules={contractRules.endDate}
          >
            <DateInput testId="change-end-date" />
          </Form.Item>
        </Col>
        <Col {...col(24)}>
          <Form.Item name="body" label={t('contracts.field.body')} rules={contractRules.body}>
            <Input.TextArea
              autoSize={{ minRows: 4, maxRows: 14 }}
              maxLength={100000}
              data-testid="change-body"
            />
          </Form.Item>
        </Col>
        <Col {...col(24)}>
          <Form.Item name="attachments" label={t('contracts.field.attachments')}>
            <AttachmentsEditor testId="change-attachments" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
