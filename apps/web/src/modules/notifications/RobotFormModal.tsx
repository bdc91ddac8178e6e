import {
  type Locale,
  type Robot,
  type RobotKind,
  robotKindLabels,
  robotKinds,
  webhookUrlPattern,
} from '@concord/contracts';
import { App, Checkbox, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../shared/FormError';
import { showFieldErrors } from '../../shared/formRules';
import { useLocaleOptions } from '../../shared/useLocaleOptions';
import { useSaveRobot } from './notificationsApi';

export type RobotFormTarget = { mode: 'create' } | { mode: 'edit'; robot: Robot };

interface RobotForm {
  name: string;
  kind: RobotKind;
  webhookUrl: string;
  secret?: string;
  removeSecret?: boolean;
  locale: Locale;
  enabled: boolean;
}

export function RobotFormModal(props: {
  target: RobotFormTarget | null;
  entityId: string;
  onClose: () => void;
}) {
  const { target, entityId, onClose } = props;
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RobotForm>();
  const save = useSaveRobot();
  const localeOptions = useLocaleOptions();
  const editing = target?.mode === 'edit' ? target.robot : undefined;
  const kind = Form.useWatch('kind', form);
  const language = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';

  useEffect(() => {
    if (!target) return;
    save.reset();
    form.resetFields();
    if (target.mode === 'edit') {
      const { name, kind, webhookUrl, locale, enabled } = target.robot;
      form.setFieldsValue({ name, kind, webhookUrl, locale, enabled });
    }
  }, [target, form, save.reset]);

  const onFinish = (values: RobotForm) => {
    const secret = values.secret?.trim() || undefined;
    const common = {
      name: values.name.trim(),
      webhookUrl: values.webhookUrl.trim(),
      locale: values.locale,
      enabled: values.enabled,
    };
    const body = editing
      ? { ...common, ...(values.removeSecret ? { secret: null } : secret ? { secret } : {}) }
      : { ...common, entityId, kind: values.kind, secret: values.kind === 'wecom' ? null : (secret ?? null) };
    save.mutate(
      { id: editing?.id, body },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  const currentKind = editing?.kind ?? kind;
  return (
    <Modal
      open={Boolean(target)}
      title={editing ? t('robots.editTitle') : t('robots.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'robot-form-ok' }}
      forceRender
    >
      <FormError error={save.error} />
      <Form<RobotForm>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ kind: 'dingtalk', locale: 'zh-CN', enabled: true }}
      >
        <Form.Item
          name="name"
          label={t('robots.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: t('robots.name') }),
            },
          ]}
        >
          <Input maxLength={100} data-testid="robot-form-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('robots.kind')}>
          <Select
            disabled={Boolean(editing)}
            options={robotKinds.map((value) => ({ value, label: robotKindLabels[value][language] }))}
          />
        </Form.Item>
        <Form.Item
          name="webhookUrl"
          label={t('robots.webhookUrl')}
          rules={[
            { required: true, message: t('validation.required', { field: t('robots.webhookUrl') }) },
            { pattern: webhookUrlPattern, message: t('robots.webhookUrlInvalid') },
          ]}
        >
          <Input maxLength={500} data-testid="robot-form-url" />
        </Form.Item>
        {currentKind !== 'wecom' && (
          <>
            <Form.Item
              name="secret"
              label={t('robots.secret')}
              extra={editing?.hasSecret ? t('robots.secretKeep') : t('robots.secretHint')}
            >
              <Input.Password maxLength={200} autoComplete="new-password" />
            </Form.Item>
            {editing?.hasSecret && (
              <Form.Item name="removeSecret" valuePropName="checked">
                <Checkbox>{t('robots.removeSecret')}</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="locale" label={t('robots.locale')}>
          <Select options={localeOptions} />
        </Form.Item>
        <Form.Item name="enabled" label={t('robots.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
