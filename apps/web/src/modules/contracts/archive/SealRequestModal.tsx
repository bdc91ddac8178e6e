import { type Contract, sealTypeSchema } from '@concord/contracts';
import { App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../shared/FormError';
import { showFieldErrors } from '../../../shared/formRules';
import {
  ApproverSelections,
  missingSelections,
  selectableSteps,
} from '../../approvals/centre/ApproverSelections';
import { PathPreview } from '../../approvals/centre/PathPreview';
import { useApprovalPreview } from '../actions/useApprovalPreview';
import { useContractCategories } from '../contractsApi';
import { type SealRequestBody, useRequestSeal } from './archiveApi';

interface SealValues {
  sealType: SealRequestBody['sealType'];
  copies: number;
  purpose: string;
}

/**
 * 申请用印: which seal, how many copies and why, for the contract's current version; shows the
 * predicted approval path (business type `contract.seal`) and asks for 发起人自选 approvers.
 */
export function SealRequestModal({
  contract,
  open,
  onClose,
}: {
  contract: Contract;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SealValues>();
  const request = useRequestSeal(contract.id);
  const categories = useContractCategories();
  const [selections, setSelections] = useState<Record<string, string[]>>({});
  const [tried, setTried] = useState(false);
  const category = categories.data?.find((c) => c.id === contract.categoryId);
  const sealType = Form.useWatch('sealType', form);
  const copies = Form.useWatch('copies', form);

  const previewBody = useMemo(
    () =>
      open && !categories.isLoading
        ? {
            businessType: 'contract.seal',
            entityId: contract.entityId,
            amount: contract.currentAmount,
            category: category?.code,
            formData: { sealType, copies, contractVersion: contract.version, amount: contract.currentAmount },
          }
        : null,
    [open, contract, category, categories.isLoading, sealType, copies],
  );
  const preview = useApprovalPreview(previewBody);

  useEffect(() => {
    if (!open) return;
    request.reset();
    form.resetFields();
    form.setFieldsValue({ sealType: 'CONTRACT_SEAL', copies: 2 });
    setSelections({});
    setTried(false);
  }, [open, form, request.reset]);

  const onFinish = (values: SealValues) => {
    setTried(true);
    if (missingSelections(preview.state.result, selections).length > 0) return;
    const chosen = Object.fromEntries(
      selectableSteps(preview.state.result).map((step) => [step.nodeId, selections[step.nodeId] ?? []]),
    );
    request.mutate(
      { ...values, selections: Object.keys(chosen).length ? chosen : undefined },
      {
        onSuccess: () => {
          message.success(t('contractArchive.seal.requested'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('contractArchive.seal.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('contractArchive.seal.create')}
      confirmLoading={request.isPending}
      okButtonProps={{ 'data-testid': 'seal-request-save' }}
      width={560}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        {t('contractArchive.seal.hint', { version: contract.version })}
      </Typography.Paragraph>
      <FormError error={request.error} />
      <Form<SealValues> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="sealType"
          label={t('contractArchive.seal.sealType')}
          rules={[
            {
              required: true,
              message: t('validation.requiredSelect', { field: t('contractArchive.seal.sealType') }),
            },
          ]}
        >
          <Select
            data-testid="seal-type"
            options={sealTypeSchema.options.map((value) => ({
              value,
              label: t(`contractArchive.seal.types.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="copies"
          label={t('contractArchive.seal.copies')}
          rules={[
            {
              required: true,
              message: t('validation.required', { field: t('contractArchive.seal.copies') }),
            },
          ]}
        >
          <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} data-testid="seal-copies" />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t('contractArchive.seal.purpose')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: t('contractArchive.seal.purpose') }),
            },
          ]}
        >
          <Input.TextArea
            maxLength={1000}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t('contractArchive.seal.purposePlaceholder')}
            data-testid="seal-purpose"
          />
        </Form.Item>
      </Form>
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
