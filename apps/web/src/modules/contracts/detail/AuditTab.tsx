import type { Contract } from '@concord/contracts';
import { useTranslation } from 'react-i18next';
import { AuditTrail } from '../../../shared/AuditTrail';
import { keys } from '../../../shared/queryKeys';
const knownActions = [
  'create',
  'update',
  'delete',
  'submit',
  'sign',
  'complete',
  'terminate',
  'void',
  'approved',
  'rejected',
  'withdrawn',
  'approval_edit',
  'change',
] as const;
type KnownAction = (typeof knownActions)[number];
const isKnown = (action: string): action is KnownAction =>
  (knownActions as readonly string[]).includes(action);

/** 日志: the audit records of this contract, newest first, each opening to its field changes. */
export function AuditTab({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  return (
    <AuditTrail
      entityType="contract"
      entityId={contract.id}
      queryKey={(page) => keys.contracts.audit(contract.id, page)}
      actionLabel={(action) => (isKnown(action) ? t(`contracts.auditAction.${action}`) : action)}
      empty={t('contracts.audit.empty')}
      testId="contract-audit"
    />
  );
}
