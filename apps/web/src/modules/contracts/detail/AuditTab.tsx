import type { Contract } from '@concord/contracts';
import { useTranslation } from 'react-i18next';
import { AuditTrail } from '../../../shared/AuditTrail';
import { keys } from '../../../shared/queryKeys';

/** 日志: the audit records of this contract, newest first, each opening to its field changes. */
export function AuditTab({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  return (
    <AuditTrail
      entityType="contract"
      entityId={contract.id}
      queryKey={(page) => keys.contracts.audit(contract.id, page)}
      empty={t('contracts.audit.empty')}
      testId="contract-audit"
    />
  );
}
