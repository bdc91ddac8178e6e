import { type Contract, sealRequestCreateSchema, sealTypeSchema } from '@concord/contracts';
import { App, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { useZodRules } from '../../../shared/zodRules';
import { missingSelections } from '../../approvals/centre/ApproverSelections';
import { ApprovalPathPanel, chosenApprovers } from '../actions/ApprovalPathPanel';
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

  const rules = useZodRules(sealRequestCreateSchema, {
    sealType: t('contractArchive.seal.sealType'),
    copies: t('contractArchive.seal.copies'),
    purpose: t('contractArchive.seal.purpose'),
  });

  const onFinish = (values: SealValues) => {
    setTried(true);
    if (missingSelections(preview.state.result, selections).length > 0) return;
    request.mutate(
      { ...values, selections: chosenApprovers(preview.state.result, selections) },
      {
        onSuccess: () => {
          message.success(t('contractArchive.seal.requested'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  return (
    <FormModal<SealValues>
      open={open}
      title={t('contractArchive.seal.createTitle')}
      form={form}
      onSubmit={onFinish}
      onSubmitFailed={() => setTried(true)}
      onCancel={onClose}
      okText={t('contractArchive.seal.create')}
      pending={request.isPending}
      error={request.error}
      okTestId="seal-request-save"
      width={560}
      intro={
        <Typography.Paragraph type="secondary">
          {t('contractArchive.seal.hint', { version: contract.version })}
        </Typography.Paragraph>
      }
      after={
        <ApprovalPathPanel
          preview={preview}
          selections={selections}
          onChange={setSelections}
          showErrors={tried}
        />
      }
    >
      <Form.Item name="sealType" label={t('contractArchive.seal.sealType')} rules={rules.sealType}>
        <Select
          data-testid="seal-type"
          options={sealTypeSchema.options.map((value) => ({
            value,
            label: t(`contractArchive.seal.types.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="copies" label={t('contractArchive.seal.copies')} rules={rules.copies}>
        <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} data-testid="seal-copies" />
      </Form.Item>
      <Form.Item name="purpose" label={t('contractArchive.seal.purpose')} rules={rules.purpose}>
        <Input.TextArea
          maxLength={1000}
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('contractArchive.seal.purposePlaceholder')}
          data-testid="seal-purpose"
        />
      </Form.Item>
    </FormModal>
  );
}
