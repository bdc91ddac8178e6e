import { App } from 'antd';
import type { ReactNode } from 'react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmOptions {
  title: ReactNode;
  content?: ReactNode;
  okText?: string;
  /** Red OK button for irreversible actions (delete, disable). */
  danger?: boolean;
}

/**
 * Promise-style confirmation for destructive actions: `if (await confirm({...})) remove()`. Uses the
 * antd App context so the dialog follows the current theme and language.
 */
export function useConfirm(): (options: ConfirmOptions) => Promise<boolean> {
  const { modal } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (options) =>
      new Promise<boolean>((resolve) => {
        modal.confirm({
          title: options.title,
          content: options.content,
          okText: options.okText ?? t('common.ok'),
          cancelText: t('common.cancel'),
          okButtonProps: { danger: options.danger, 'data-testid': 'confirm-ok' },
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
    [modal, t],
  );
}
