import { useTranslation } from 'react-i18next';

export function Brand({ collapsed = false }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="concord-brand">
      <span className="concord-brand-mark">C</span>
      {!collapsed && <span>{t('app.productName')}</span>}
    </div>
  );
}
