import { profileUpdateSchema } from '@concord/contracts';
import { App, Button, Descriptions, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession, useUpdateProfile } from '../../app/auth/session';
import type { BodyOf } from '../../shared/contractTypes';
import { FormError } from '../../shared/FormError';
import { showFieldErrors } from '../../shared/formRules';
import { PageContainer } from '../../shared/PageContainer';
import { useLocaleOptions } from '../../shared/useLocaleOptions';
import { useZodRules } from '../../shared/zodRules';
import { ProxyRulesCard } from '../approvals/detail/ProxyRulesCard';
import { NotificationPreferencesCard } from '../notifications/NotificationPreferencesCard';

type ProfileForm = Required<Pick<BodyOf<typeof profileUpdateSchema>, 'displayName' | 'locale'>> & {
  email?: string;
  phone?: string;
};

export default function ProfilePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const updateProfile = useUpdateProfile();
  const [form] = Form.useForm<ProfileForm>();
  const localeOptions = useLocaleOptions();
  const { user } = session;
  // The update may leave the name out, but this page always sends it: it must keep one.
  const rules = useZodRules(
    profileUpdateSchema,
    { displayName: t('account.displayName'), email: t('account.email'), phone: t('account.phone') },
    { required: ['displayName'], invalid: { email: t('validation.email'), phone: t('validation.phone') } },
  );

  const onFinish = (values: ProfileForm) => {
    updateProfile.mutate(
      {
        displayName: values.displayName.trim(),
        // An emptied field clears the value on the server rather than keeping the old one.
        email: values.email?.trim() || null,
        phone: values.phone?.trim() || null,
        locale: values.locale,
      },
      {
        onSuccess: () => message.success(t('account.profileSaved')),
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  return (
    <PageContainer title={t('account.profileTitle')}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 24, maxWidth: 720 }}
        items={[
          { key: 'username', label: t('account.username'), children: user.username },
          { key: 'entity', label: t('common.entity'), children: session.actingEntity.name },
          { key: 'department', label: t('account.department'), children: user.departmentName ?? '—' },
          { key: 'position', label: t('account.position'), children: user.positionName ?? '—' },
        ]}
      />
      <Form<ProfileForm>
        form={form}
        layout="vertical"
        style={{ maxWidth: 480 }}
        initialValues={{
          displayName: user.displayName,
          email: user.email ?? undefined,
          phone: user.phone ?? undefined,
          locale: user.locale,
        }}
        onFinish={onFinish}
      >
        <FormError error={updateProfile.error} />
        <Form.Item name="displayName" label={t('account.displayName')} rules={rules.displayName}>
          <Input maxLength={100} data-testid="profile-display-name" />
        </Form.Item>
        <Form.Item name="email" label={t('account.email')} rules={rules.email}>
          <Input inputMode="email" maxLength={120} data-testid="profile-email" />
        </Form.Item>
        <Form.Item name="phone" label={t('account.phone')} rules={rules.phone}>
          <Input maxLength={20} data-testid="profile-phone" />
        </Form.Item>
        <Form.Item name="locale" label={t('account.locale')}>
          <Select options={localeOptions} data-testid="profile-locale" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={updateProfile.isPending} data-testid="profile-save">
          {t('common.save')}
        </Button>
      </Form>
      <NotificationPreferencesCard />
      <ProxyRulesCard />
    </PageContainer>
  );
}
