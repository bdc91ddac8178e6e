import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageButton, type LanguageButtonProps } from './LanguageButton';

/** The header's language toggle, with a tooltip naming what it does. */
export function LanguageSwitch(props: LanguageButtonProps) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('header.switchLanguage')}>
      <LanguageButton {...props} />
    </Tooltip>
  );
}
