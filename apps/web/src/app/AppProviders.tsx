import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import type { Locale as AntLocale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { type currentLocale, i18n } from './i18n';
import { queryClient } from './queryClient';
import { THEME } from './theme';

const FORMS = { scrollToFirstError: { focus: true, block: 'center' as const } };

const antdLocales: Record<ReturnType<typeof currentLocale>, AntLocale> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Re-renders antd in the current language whenever i18next switches. */
function LocalizedAntd({ children }: { children: ReactNode }) {
  const { i18n: instance, t } = useTranslation();
  const locale = antdLocales[instance.language === 'en-US' ? 'en-US' : 'zh-CN'];
  return (
    <ConfigProvider
      locale={locale}
      theme={THEME}
      // Every pager's page-size select is named (it has no visible label of its own).
      pagination={{ showSizeChanger: { 'aria-label': t('common.pageSize') } }}
      // Every form, on a failed submit, scrolls to its first invalid field and focuses it (even below
      // the fold or inside a long modal), instead of leaving the user to look for the red text.
      form={FORMS}
    >
      {children}
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <LocalizedAntd>{children}</LocalizedAntd>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
