import { SafetyOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/errorMessage';
import { useVerifyAuditChain } from './auditApi';

/** Re-checks the audit log's hash chain on the server and reports intact or where it breaks. */
export function VerifyChainButton() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const verify = useVerifyAuditChain();

  const onClick = () =>
    verify.mutate(undefined, {
      onSuccess: (result) => {
        const show = result.ok ? modal.success : modal.error;
        show({
          title: t('audit.verifyTitle'),
          content: result.ok
            ? t('audit.verifyOk', { checked: result.checked })
            : t('audit.verifyBroken', { seq: result.brokenAt ?? '?', reason: result.reason ?? '' }),
          okButtonProps: { 'data-testid': 'audit-verify-close' },
        });
      },
      onError: (error) => modal.error({ title: t('audit.verifyTitle'), content: errorMessage(error, t) }),
    });

  return (
    <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={onClick} data-testid="audit-verify">
      {t('audit.verify')}
    </Button>
  );
}
