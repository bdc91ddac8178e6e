import {
  CheckCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  FileDoneOutlined,
  SendOutlined,
  StopOutlined,
  SwapOutlined,
  CloseCircleOutlined,
} from '@ant-design/icons';
import type { Contract, ContractAction } from '@concord/contracts';
import { App, Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../shared/errorMessage';
import { useConfirm } from '../../../shared/useConfirm';
import { useIsPhone } from '../../../shared/useIsPhone';
import { useDeleteContract } from '../contractsApi';
import { ChangeOrderModal } from './ChangeOrderModal';
import { ReasonModal, type ReasonAction } from './ReasonModal';
import { SignModal } from './SignModal';
import { SubmitModal } from './SubmitModal';

/** The order buttons appear in: the step forward first, destructive ones last. */
const order: ContractAction[] = [
  'submit',
  'sign',
  'complete',
  'change',
  'edit',
  'terminate',
  'void',
  'delete',
];

const icons: Record<ContractAction, ReactNode> = {
  submit: <SendOutlined />,
  sign: <FileDoneOutlined />,
  complete: <CheckCircleOutlined />,
  change: <SwapOutlined />,
  edit: <EditOutlined />,
  terminate: <StopOutlined />,
  void: <CloseCircleOutlined />,
  delete: <DeleteOutlined />,
};

/** The buttons for what the caller may do now (`contract.actions` from the server), and their dialogs. */
export function ContractActions({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const confirm = useConfirm();
  const isPhone = useIsPhone();
  const remove = useDeleteContract();
  const [submitting, setSubmitting] = useState(false);
  const [signing, setSigning] = useState(false);
  const [changing, setChanging] = useState(false);
  const [reasonAction, setReasonAction] = useState<ReasonAction | null>(null);
  const actions = order.filter((action) => contract.actions.includes(action));

  const onDelete = async () => {
    const ok = await confirm({
      title: t('contracts.action.deleteConfirm', { name: contract.name }),
      okText: t('common.delete'),
      danger: true,
    });
    if (!ok) return;
    remove.mutate(contract.id, {
      onSuccess: () => {
        message.success(t('common.deleted'));
        navigate('/contracts', { replace: true });
      },
      onError: (error) => message.error(errorMessage(error, t)),
    });
  };

  const onClick = (action: ContractAction) => {
    if (action === 'edit') navigate(`/contracts/${contract.id}/edit`);
    else if (action === 'delete') void onDelete();
    else if (action === 'submit') setSubmitting(true);
    else if (action === 'sign') setSigning(true);
    else if (action === 'change') setChanging(true);
    else setReasonAction(action);
  };

  if (actions.length === 0) return null;
  return (
    <>
      <Flex gap={8} wrap data-testid="contract-actions">
        {actions.map((action, index) => (
          <Button
            key={action}
            type={index === 0 && action !== 'delete' ? 'primary' : 'default'}
            danger={action === 'delete' || action === 'void' || action === 'terminate'}
            icon={icons[action]}
            loading={action === 'delete' && remove.isPending}
            onClick={() => onClick(action)}
            style={isPhone ? { flex: '1 1 40%' } : undefined}
            data-testid={`contract-action-${action}`}
          >
            {t(`contracts.action.${action}`)}
          </Button>
        ))}
      </Flex>
      <SubmitModal
        contract={submitting ? contract : null}
        onClose={() => setSubmitting(false)}
        onSubmitted={() => setSubmitting(false)}
      />
      <SignModal contract={signing ? contract : null} onClose={() => setSigning(false)} />
      <ReasonModal contract={contract} action={reasonAction} onClose={() => setReasonAction(null)} />
      <ChangeOrderModal contract={changing ? contract : null} onClose={() => setChanging(false)} />
    </>
  );
}
