import type { Contract } from '@concord/contracts';
import { App, Modal, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../shared/FormError';
import {
  ApproverSelections,
  missingSelections,
  selectableSteps,
} from '../../approvals/centre/ApproverSelections';
import { PathPreview } from '../../approvals/centre/PathPreview';
import { blockedSteps } from '../../approvals/shared/PathSteps';
import { useContractCategories, useContractCommand } from '../contractsApi';
import { formatMoney } from '../../../shared/format';
import { useApprovalPreview } from './useApprovalPreview';

interface SubmitModalProps {
  contract: Contract | null;
  onClose: () => void;
  onSubmitted?: (contract: Contract) => void;
}

/** 提交审批: shows the predicted path of the category's flow, asks for 发起人自选 approvers, submits. */
export function SubmitModal({ contract, onClose, onSubmitted }: SubmitModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const categories = useContractCategories();
  const command = useContractCommand(contract?.id ?? '');
  const [selections, setSelections] = useState<Record<string, string[]>>({});
  const [tried, setTried] = useState(false);
  const category = categories.data?.find((c) => c.id === contract?.categoryId);

  const previewBody = useMemo(
    () =>
      contract && !categories.isLoading
        ? {
            businessType: 'contract.sign',
            entityId: contract.entityId,
            amount: contract.amount,
            category: category?.code,
            formData: contract.customData,
          }
        : null,
    [contract, category, categories.isLoading],
  );
  const preview = useApprovalPreview(previewBody);
  // A mandatory step with nobody: the server would refuse, so the button says so first.
  const blocked = blockedSteps(preview.state.result?.path).length > 0;

  const close = () => {
    setSelections({});
    setTried(false);
    command.reset();
    onClose();
  };

  const onOk = () => {
    if (!contract) return;
    setTried(true);
    if (missingSelections(preview.state.result, selections).length > 0) return;
    if (blocked) return;
    const chosen = Object.fromEntries(
      selectableSteps(preview.state.result).map((step) => [step.nodeId, selections[step.nodeId] ?? []]),
    );
    command.mutate(
      { action: 'submit', body: { selections: Object.keys(chosen).length ? chosen : undefined } },
      {
        onSuccess: (submitted) => {
          message.success(t('contracts.action.submitted'));
          setSelections({});
          setTried(false);
          onSubmitted?.(submitted);
        },
      },
    );
  };

  return (
    <Modal
      open={Boolean(contract)}
      title={t('contracts.action.submitTitle')}
      onCancel={close}
      onOk={onOk}
      okText={t('contracts.action.submit')}
      confirmLoading={command.isPending}
      okButtonProps={{ 'data-testid': 'contract-submit-ok', disabled: blocked }}
      width={560}
      destroyOnHidden
    >
      {contract && (
        <Typography.Paragraph type="secondary">
          {t('contracts.action.submitHint', {
            name: contract.name,
            amount: formatMoney(contract.amount, contract.currency),
          })}
        </Typography.Paragraph>
      )}
      <FormError error={command.error} />
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
