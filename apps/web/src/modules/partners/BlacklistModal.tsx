import { type PartnerDetail, partnerReasonSchema } from '@concord/contracts';
import { App, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, fieldErrorsInto } from '../../shared/FormModal';
import { useConfirm } from '../../shared/useConfirm';
import { useZodRules } from '../../shared/zodRules';
import { useSetBlacklisted } from './partnersApi';

/** Blacklist or restore a partner: a reason, then a confirmation (blacklisting blocks new contracts). */
export function BlacklistModal({
  partner,
  blacklist,
  open,
  onClose,
}: {
  partner: PartnerDetail;
  /** true: put on the blacklist; false: take off. */
  blacklist: boolean;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const [form] = Form.useForm<{ reason: string }>();
  const mutation = useSetBlacklisted();
  // One message for empty and too short alike: it says what a reason needs.
  const rules = useZodRules(
    partnerReasonSchema,
    { reason: t('partners.blacklist.reason') },
    { invalid: { reason: t('partners.blacklist.reasonRequired') } },
  );

  useEffect(() => {
    if (!open) return;
    mutation.reset();
    form.resetFields();
  }, [open, form, mutation.reset]);

  const onFinish = async ({ reason }: { reason: string }) => {
    const confirmed = await confirm({
      title: t(blacklist ? 'partners.blacklist.confirm' : 'partners.blacklist.restoreConfirm', {
        name: partner.name,
      }),
      okText: t(blacklist ? 'partners.actions.blacklist' : 'partners.actions.restore'),
      danger: blacklist,
    });
    if (!confirmed) return;
    mutation.mutate(
      { id: partner.id, blacklisted: blacklist, reason: reason.trim() },
      {
        onSuccess: () => {
          message.success(t(blacklist ? 'partners.blacklist.done' : 'partners.blacklist.restored'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  return (
    <FormModal<{ reason: string }>
      open={open}
      title={t(blacklist ? 'partners.blacklist.title' : 'partners.blacklist.restoreTitle', {
        name: partner.name,
      })}
      form={form}
      onSubmit={(values) => void onFinish(values)}
      onCancel={onClose}
      okText={t(blacklist ? 'partners.actions.blacklist' : 'partners.actions.restore')}
      okDanger={blacklist}
      pending={mutation.isPending}
      error={mutation.error}
      okTestId="partner-blacklist-ok"
    >
      <Form.Item name="reason" label={t('partners.blacklist.reason')} rules={rules.reason}>
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder={t('partners.blacklist.reasonPlaceholder')}
          data-testid="partner-blacklist-reason"
        />
      </Form.Item>
    </FormModal>
  );
}
