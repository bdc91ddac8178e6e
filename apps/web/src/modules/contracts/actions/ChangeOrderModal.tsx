import { type Contract, type ContractChangeProposal, contractChangeCreateSchema } from '@concord/contracts';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Table, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../shared/FormError';
import { showFieldErrors, zodRule } from '../../../shared/formRules';
import { useIsPhone } from '../../../shared/useIsPhone';
import {
  ApproverSelections,
  missingSelections,
  selectableSteps,
} from '../../approvals/centre/ApproverSelections';
import { PathPreview } from '../../approvals/centre/PathPreview';
import { useContractCategories, useCreateChange } from '../contractsApi';
import { useChangeSchedule } from '../execution/schedule/useChangeSchedule';
import { PartnerBankSelect } from '../form/PartnerBankSelect';
import { bankKey, bankOfKey } from '../form/formValues';
import { type AttachmentValue, AttachmentsEditor } from '../shared/AttachmentsEditor';
import { fieldLabel, fieldValue } from '../shared/fieldValues';
import { basisPointsToPercent, fenToYuanText, percentToBasisPoints, yuanTextToFen } from '../shared/money';
import { useApprovalPreview } from './useApprovalPreview';

interface ChangeFormValues {
  kind: 'CHANGE' | 'SUPPLEMENT';
  reason: string;
  name: string;
  amount?: string;
  taxRate?: number;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  partnerBank?: string;
  body?: string;
  attachments?: AttachmentValue[];
}

const reasonSchema = contractChangeCreateSchema.shape.reason;

function initialOf(contract: Contract): ChangeFormValues {
  return {
    kind: 'CHANGE',
    reason: '',
    name: contract.name,
    amount: fenToYuanText(contract.amount),
    taxRate: basisPointsToPercent(contract.taxRate),
    startDate: contract.startDate ? dayjs(contract.startDate) : null,
    endDate: contract.endDate ? dayjs(contract.endDate) : null,
    partnerBank: contract.partnerBank ? bankKey(contract.partnerBank) : undefined,
    body: contract.body,
    attachments: contract.attachments.map((a) => ({ fileId: a.fileId, type: a.type, name: a.name })),
  };
}

const sameAttachments = (a: { fileId: string; type: string }[], b: { fileId: string; type: string }[]) =>
  a.length === b.length && a.every((item, i) => item.fileId === b[i].fileId && item.type === b[i].type);

/** Only the values that differ from the contract go into the proposal ("absent = unchanged"). */
function proposalOf(contract: Contract, values: Partial<ChangeFormValues>): ContractChangeProposal {
  const proposal: ContractChangeProposal = {};
  const name = values.name?.trim();
  if (name && name !== contract.name) proposal.name = name;
  const amount = yuanTextToFen(values.amount);
  if (amount !== null && amount !== contract.amount) proposal.amount = amount;
  const taxRate = percentToBasisPoints(values.taxRate);
  if (taxRate !== null && taxRate !== contract.taxRate) proposal.taxRate = taxRate;
  const start = values.startDate ? values.startDate.format('YYYY-MM-DD') : null;
  if (values.startDate !== undefined && start !== contract.startDate) proposal.startDate = start;
  const end = values.endDate ? values.endDate.format('YYYY-MM-DD') : null;
  if (values.endDate !== undefined && end !== contract.endDate) proposal.endDate = end;
  const bank = bankOfKey(values.partnerBank);
  const currentBank = contract.partnerBank ? bankKey(contract.partnerBank) : undefined;
  if ((values.partnerBank ?? undefined) !== currentBank) proposal.partnerBank = bank;
  if (values.body !== undefined && values.body !== contract.body) proposal.body = values.body;
  const attachments = (values.attachments ?? []).map((a) => ({ fileId: a.fileId, type: a.type }));
  if (values.attachments && !sameAttachments(attachments, contract.attachments))
    proposal.attachments = attachments;
  return proposal;
}

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

  const onOk = async () => {
    if (!contract) return;
    setTried(true);
    let values: ChangeFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
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
    const chosen = Object.fromEntries(
      selectableSteps(preview.state.result).map((step) => [step.nodeId, selections[step.nodeId] ?? []]),
    );
    create.mutate(
      {
        kind: values.kind,
        reason: values.reason.trim(),
        proposed,
        selections: Object.keys(chosen).length ? chosen : undefined,
      },
      {
        onSuccess: () => {
          message.success(t('contracts.change.created'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  const endAfterStart: Rule = ({ getFieldValue }) => ({
    validator: async (_, end: Dayjs | null | undefined) => {
      const start = getFieldValue('startDate') as Dayjs | null | undefined;
      if (end && start && end.isBefore(start, 'day')) throw new Error(t('contracts.form.endBeforeStart'));
    },
  });
  const col = (span: number) => ({ xs: 24, md: span });
  const rows = Object.entries(proposal).map(([field, after]) => ({
    field,
    before: contract ? (contract as unknown as Record<string, unknown>)[field] : undefined,
    // The proposal carries file ids only; the form still knows the names.
    after: field === 'attachments' ? watched?.attachments : after,
  }));

  return (
    <Modal
      open={Boolean(contract)}
      title={t('contracts.change.title', { name: contract?.name ?? '' })}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('contracts.change.submit')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'change-submit' }}
      width={isPhone ? '100%' : 860}
      forceRender
    >
      <FormError error={create.error} />
      <Form<ChangeFormValues> form={form} layout="vertical" data-testid="change-form">
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
            <Form.Item
              name="reason"
              label={t('contracts.change.reason')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('validation.required', { field: t('contracts.change.reason') }),
                },
                zodRule(reasonSchema, t('validation.maxLength', { max: 2000 })),
              ]}
            >
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 5 }}
                maxLength={2000}
                data-testid="change-reason"
              />
            </Form.Item>
          </Col>
          <Col {...col(24)}>
            <Form.Item
              name="name"
              label={t('contracts.field.name')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('validation.required', { field: t('contracts.field.name') }),
                },
              ]}
            >
              <Input maxLength={200} data-testid="change-name" />
            </Form.Item>
          </Col>
          <Col {...col(8)}>
            <Form.Item
              name="amount"
              label={t('contracts.field.amountInclTax')}
              rules={[
                { required: true, message: t('validation.required', { field: t('contracts.field.amount') }) },
              ]}
            >
              <InputNumber<string>
                stringMode
                min="0"
                precision={2}
                prefix="¥"
                style={{ width: '100%' }}
                data-testid="change-amount"
              />
            </Form.Item>
          </Col>
          <Col {...col(8)}>
            <Form.Item
              name="taxRate"
              label={t('contracts.field.taxRate')}
              rules={[
                {
                  required: true,
                  message: t('validation.required', { field: t('contracts.field.taxRate') }),
                },
              ]}
            >
              <InputNumber<number>
                min={0}
                max={100}
                precision={2}
                suffix="%"
                style={{ width: '100%' }}
                data-testid="change-tax-rate"
              />
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
              <DatePicker style={{ width: '100%' }} data-testid="change-start-date" />
            </Form.Item>
          </Col>
          <Col {...col(8)}>
            <Form.Item
              name="endDate"
              label={t('contracts.field.endDate')}
              dependencies={['startDate']}
              rules={[endAfterStart]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="change-end-date" />
            </Form.Item>
          </Col>
          <Col {...col(24)}>
            <Form.Item name="body" label={t('contracts.field.body')}>
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
      </Form>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('contracts.change.preview')}
      </Typography.Title>
      {rows.length === 0 ? (
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
      )}
      {changeSchedule.element}
      <PathPreview state={preview.state} onRefresh={preview.refresh} />
      <div style={{ marginTop: 12 }}>
        <ApproverSelections
          result={preview.state.result}
          value={selections}
          onChange={setSelections}
          showErrors={tried}
        />
      </div>
    </Modal>
  );
}
