import {
  type Locale,
  type Robot,
  type RobotKind,
  robotCreateSchema,
  robotKindLabels,
  robotKinds,
  webhookUrlPattern,
} from '@concord/contracts';
import { App, Checkbox, Form, Input, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, fieldErrorsInto } from '../../shared/FormModal';
import { useLocaleOptions } from '../../shared/useLocaleOptions';
import { useZodRules } from '../../shared/zodRules';
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
    } else form.setFieldsValue({ kind: 'dingtalk', locale: 'zh-CN', enabled: true });
  }, [target, form, save.reset]);

  // A kept secret is not shown: an empty secret field on edit keeps it, so it carries no required mark.
  const rules = useZodRules(robotCreateSchema, {
    name: t('robots.name'),
    webhookUrl: t('robots.webhookUrl'),
    secret: t('robots.secret'),
  });

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
        onError: fieldErrorsInto(form),
      },
    );
  };

  const currentKind = editing?.kind ?? kind;
  return (
    <FormModal<RobotForm>
      open={Boolean(target)}
      title={editing ? t('robots.editTitle') : t('robots.createTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('common.save')}
      pending={save.isPending}
      error={save.error}
      okTestId="robot-form-ok"
    >
      <Form.Item name="name" label={t('robots.name')} rules={rules.name}>
        <Input maxLength={100} data-testid="robot-form-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('robots.kind')}>
        <Select
          disabled={Boolean(editing)}
          options={robotKinds.map((value) => ({ value, label: robotKindLabels[value][language] }))}
        />
      </Form.Item>
      {/* The address's form is the pattern the server checks beside the schema. */}
      <Form.Item
        name="webhookUrl"
        label={t('robots.webhookUrl')}
        rules={[...rules.webhookUrl, { pattern: webhookUrlPattern, message: t('robots.webhookUrlInvalid') }]}
      >
        <Input maxLength={500} data-testid="robot-form-url" />
      </Form.Item>
      {currentKind !== 'wecom' && (
        <>
          <Form.Item
            name="secret"
            label={t('robots.secret')}
            extra={editing?.hasSecret ? t('robots.secretKeep') : t('robots.secretHint')}
            rules={rules.secret}
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
    </FormModal>
  );
}
