import { GlobalOutlined } from '@ant-design/icons';
import type { Locale } from '@concord/contracts';
import { Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSessionQuery, useUpdateProfile } from '../auth/session';
import { changeLocale, currentLocale } from '../i18n';

export interface LanguageButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** Told about an explicit switch (the login page remembers it to save it to the profile). */
  onSwitched?: (locale: Locale) => void;
}

/**
 * With two languages a toggle is the quickest control: it shows the language it switches to.
 * When signed in, the choice is saved to the user's profile so it follows them to other devices.
 * No tooltip of its own: the login page keeps to the native title (an antd tooltip would add its
 * popup code to the first page), the header's LanguageSwitch adds one. Other props (the tooltip's
 * handlers among them) reach the button.
 */
export function LanguageButton({ onSwitched, ...buttonProps }: LanguageButtonProps) {
  const { t } = useTranslation();
  const { data: session } = useSessionQuery();
  const updateProfile = useUpdateProfile();

  const toggle = async () => {
    const next: Locale = currentLocale() === 'zh-CN' ? 'en-US' : 'zh-CN';
    await changeLocale(next);
    onSwitched?.(next);
    if (session) updateProfile.mutate({ locale: next });
  };

  return (
    <Button
      data-testid="language-switch"
      icon={<GlobalOutlined />}
      onClick={toggle}
      // The visible text ("EN") begins the accessible name, so voice control by what is seen works.
      aria-label={`${t('header.otherLanguageShort')} – ${t('header.switchLanguage')}: ${t('header.otherLanguageName')}`}
      {...buttonProps}
    >
      {t('header.otherLanguageShort')}
    </Button>
  );
}
