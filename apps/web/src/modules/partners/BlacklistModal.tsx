import type { PartnerDetail } from '@concord/contracts';
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../shared/FormError';
import { useConfirm } from '../../shared/useConfirm';
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
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t(blacklist ? 'partners.blacklist.title' : 'partners.blacklist.restoreTitle', {
        name: partner.name,
      })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(blacklist ? 'partners.actions.blacklist' : 'partners.actions.restore')}
      okButtonProps={{ danger: blacklist, 'data-testid': 'partner-blacklist-ok' }}
      confirmLoading={mutation.isPending}
      forceRender
    >
      <FormError error={mutation.error} />
      <Form form={form} layout="vertical" onFinish={(values) => void onFinish(values)}>
        <Form.Item
          name="reason"
          label={t('partners.blacklist.reason')}
          rules={[
            { required: true, min: 2, whitespace: true, message: t('partners.blacklist.reasonRequired') },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('partners.blacklist.reasonPlaceholder')}
            data-testid="partner-blacklist-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
