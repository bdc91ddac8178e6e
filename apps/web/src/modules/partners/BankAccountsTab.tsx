import type { PartnerBankAccount, PartnerDetail } from '@concord/contracts';
import { partnerBankAccountInputSchema } from '@concord/contracts';
import { App, Checkbox, Flex, Form, Input, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/errorMessage';
import { FormModal, fieldErrorsInto } from '../../shared/FormModal';
import { CreateButton } from '../../shared/listPage';
import { EmptyState } from '../../shared/EmptyState';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { RowActions } from '../../shared/RowActions';
import { useConfirm } from '../../shared/useConfirm';
import { useZodRules } from '../../shared/zodRules';
import { useBankAccountMutations } from './partnersApi';

type Target = { mode: 'create' } | { mode: 'edit'; account: PartnerBankAccount };

interface AccountForm {
  bankName: string;
  accountName: string;
  accountNumber: string;
  isDefault: boolean;
}

/** Groups of four digits, as printed on bank cards and statements. */
const grouped = (number: string) => number.replace(/(.{4})(?=.)/g, '$1 ');

export function BankAccountsTab({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { save, remove } = useBankAccountMutations();
  const [target, setTarget] = useState<Target | null>(null);
  const [form] = Form.useForm<AccountForm>();
  const editing = target?.mode === 'edit' ? target.account : undefined;

  useEffect(() => {
    if (!target) return;
    save.reset();
    form.resetFields();
    if (target.mode === 'edit') form.setFieldsValue(target.account);
    else form.setFieldsValue({ accountName: partner.name, isDefault: partner.bankAccounts.length === 0 });
  }, [target, form, save.reset, partner.name, partner.bankAccounts.length]);

  const onFinish = (values: AccountForm) => {
    const body = {
      bankName: values.bankName.trim(),
      accountName: values.accountName.trim(),
      accountNumber: values.accountNumber.trim(),
      // The default is moved by making another account the default, never by unticking it.
      ...(editing?.isDefault ? {} : { isDefault: values.isDefault }),
    };
    save.mutate(
      { partnerId: partner.id, id: editing?.id, body },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          setTarget(null);
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  const onDelete = async (account: PartnerBankAccount) => {
    if (
      !(await confirm({
        title: t('partners.bank.deleteConfirm', { number: grouped(account.accountNumber) }),
        danger: true,
      }))
    )
      return;
    remove.mutate(account.id, {
      onSuccess: () => message.success(t('common.deleted')),
      onError: (error) => message.error(errorMessage(error, t)),
    });
  };

  const actionsOf = (account: PartnerBankAccount) =>
    partner.canManage
      ? [
          ...(account.isDefault
            ? []
            : [
                {
                  key: 'default',
                  label: t('partners.bank.setDefault'),
                  onClick: () =>
                    save.mutate(
                      { partnerId: partner.id, id: account.id, body: { isDefault: true } },
                      { onError: (error) => message.error(errorMessage(error, t)) },
                    ),
                },
              ]),
          { key: 'edit', label: t('common.edit'), onClick: () => setTarget({ mode: 'edit', account }) },
          { key: 'delete', label: t('common.delete'), danger: true, onClick: () => void onDelete(account) },
        ]
      : [];

  const rules = useZodRules(
    partnerBankAccountInputSchema,
    {
      bankName: t('partners.bank.bankName'),
      accountName: t('partners.bank.accountName'),
      accountNumber: t('partners.bank.accountNumber'),
    },
    { invalid: { accountNumber: t('partners.bank.accountNumberInvalid') } },
  );
  const add = (
    <CreateButton
      allowed={partner.canManage}
      label={t('partners.bank.add')}
      onClick={() => setTarget({ mode: 'create' })}
      testId="partner-bank-add"
    />
  );

  return (
    <Flex vertical gap={12}>
      {partner.canManage && partner.bankAccounts.length > 0 && <Flex justify="flex-end">{add}</Flex>}
      <ResponsiveTable<PartnerBankAccount>
        rowKey="id"
        size="small"
        data-testid="partner-bank-accounts"
        dataSource={partner.bankAccounts}
        pagination={false}
        empty={<EmptyState description={t('partners.bank.empty')} action={add} />}
        cardTitle={(account) => account.bankName}
        cardActions={(account) => [<RowActions key="actions" actions={actionsOf(account)} />]}
        cardHiddenColumns={['bankName', 'actions']}
        columns={[
          { key: 'bankName', dataIndex: 'bankName', title: t('partners.bank.bankName') },
          { key: 'accountName', dataIndex: 'accountName', title: t('partners.bank.accountName') },
          {
            key: 'accountNumber',
            dataIndex: 'accountNumber',
            title: t('partners.bank.accountNumber'),
            render: (number: string, account) => (
              <Flex gap={6} align="center" wrap>
                <Typography.Text copyable={{ text: number }} style={{ fontFamily: 'monospace' }}>
                  {grouped(number)}
                </Typography.Text>
                {account.isDefault && <Tag color="blue">{t('partners.bank.defaultTag')}</Tag>}
              </Flex>
            ),
          },
          ...(partner.canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, account: PartnerBankAccount) => (
                    <RowActions actions={actionsOf(account)} />
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<AccountForm>
        open={Boolean(target)}
        title={editing ? t('partners.bank.editTitle') : t('partners.bank.addTitle')}
        form={form}
        onSubmit={onFinish}
        onCancel={() => setTarget(null)}
        okText={t('common.save')}
        pending={save.isPending}
        error={save.error}
        okTestId="partner-bank-ok"
      >
        <Form.Item name="bankName" label={t('partners.bank.bankName')} rules={rules.bankName}>
          <Input maxLength={100} data-testid="partner-bank-name" />
        </Form.Item>
        <Form.Item name="accountName" label={t('partners.bank.accountName')} rules={rules.accountName}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="accountNumber" label={t('partners.bank.accountNumber')} rules={rules.accountNumber}>
          <Input maxLength={50} style={{ fontFamily: 'monospace' }} data-testid="partner-bank-number" />
        </Form.Item>
        <Form.Item name="isDefault" valuePropName="checked">
          <Checkbox disabled={Boolean(editing?.isDefault)}>{t('partners.bank.isDefault')}</Checkbox>
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
