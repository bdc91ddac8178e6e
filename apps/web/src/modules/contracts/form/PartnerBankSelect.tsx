import type { PartnerBank } from '@concord/contracts';
import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePartnerDetail } from '../contractsApi';
import { bankKey } from './formValues';

interface PartnerBankSelectProps extends Omit<SelectProps<string>, 'options' | 'loading'> {
  partnerId: string | undefined;
  /** The account already written on the contract, offered even if the partner no longer lists it. */
  saved: PartnerBank | null | undefined;
  /** Called with the partner's default account once its accounts load, to preselect it. */
  onDefault: (key: string) => void;
}

const describe = (bank: PartnerBank) => `${bank.bankName} · ${bank.accountName} · ${bank.accountNumber}`;

/** The counterparty's bank account for the contract, from the partner's accounts (a copy is stored). */
export function PartnerBankSelect({ partnerId, saved, onDefault, ...props }: PartnerBankSelectProps) {
  const { t } = useTranslation();
  const { data, isLoading } = usePartnerDetail(partnerId);
  const accounts = partnerId && data?.id === partnerId ? data.bankAccounts : [];
  const options = useMemo(() => {
    const list = accounts.map((account) => ({
      value: bankKey(account),
      label: account.isDefault
        ? `${describe(account)} (${t('contracts.form.defaultAccount')})`
        : describe(account),
    }));
    if (saved && !list.some((option) => option.value === bankKey(saved))) {
      list.unshift({
        value: bankKey(saved),
        label: `${describe(saved)} (${t('contracts.form.onContract')})`,
      });
    }
    return list;
  }, [accounts, saved, t]);

  const defaultKey = useMemo(() => {
    const account = accounts.find((a) => a.isDefault) ?? (accounts.length === 1 ? accounts[0] : undefined);
    return account ? bankKey(account) : undefined;
  }, [accounts]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the partner's accounts arrive
  useEffect(() => {
    if (defaultKey) onDefault(defaultKey);
  }, [defaultKey]);

  return (
    <Select<string>
      allowClear
      popupMatchSelectWidth={false}
      placeholder={partnerId ? t('contracts.form.bankPlaceholder') : t('contracts.form.bankPickPartner')}
      notFoundContent={partnerId ? t('contracts.form.noBankAccounts') : undefined}
      {...props}
      disabled={!partnerId || props.disabled}
      options={options}
      loading={isLoading && Boolean(partnerId)}
    />
  );
}
