import { type Locale, type User, userCreateSchema } from '@concord/contracts';
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions, useSession } from '../../../app/auth/session';
import { FormError } from '../../../shared/FormError';
import { showFieldErrors, zodRule } from '../../../shared/formRules';
import { useLocaleOptions } from '../../../shared/useLocaleOptions';
import { DepartmentTreeSelect } from '../components/DepartmentTreeSelect';
import { EntityPicker } from '../components/EntityPicker';
import { usePositions } from '../positions/positionsApi';
import { useSaveUser } from './usersApi';

export type UserFormTarget = { mode: 'create'; entityId?: string } | { mode: 'edit'; user: User };

interface UserForm {
  /** Only narrows the department and position pickers; a user's entity follows their department. */
  entityId: string;
  username: string;
  password: string;
  displayName: string;
  email?: string;
  phone?: string;
  departmentId: string;
  extraDepartmentIds: string[];
  positionId?: string;
  locale: Locale;
}

const fields = userCreateSchema.shape;

export function UserFormModal({ target, onClose }: { target: UserFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const [form] = Form.useForm<UserForm>();
  const save = useSaveUser();
  const localeOptions = useLocaleOptions();
  const editing = target?.mode === 'edit' ? target.user : undefined;
  const entityId = Form.useWatch('entityId', form) as string | undefined;
  const { can } = usePermissions();
  const positions = usePositions(entityId, { enabled: Boolean(entityId) && can('org.position.view') });

  useEffect(() => {
    if (!target) return;
    save.reset();
    form.resetFields();
    if (target.mode === 'edit') {
      const { user } = target;
      form.setFieldsValue({
        entityId: user.entityId,
        displayName: user.displayName,
        email: user.email ?? undefined,
        phone: user.phone ?? undefined,
        departmentId: user.departmentId,
        extraDepartmentIds: user.extraDepartmentIds,
        positionId: user.positionId ?? undefined,
        locale: user.locale,
      });
    } else {
      form.setFieldsValue({
        entityId: target.entityId ?? session.actingEntity.id,
        extraDepartmentIds: [],
        locale: 'zh-CN',
      });
    }
  }, [target, form, save.reset, session.actingEntity.id]);

  const onFinish = (values: UserForm) => {
    const common = {
      displayName: values.displayName.trim(),
      departmentId: values.departmentId,
      extraDepartmentIds: (values.extraDepartmentIds ?? []).filter((id) => id !== values.departmentId),
      positionId: values.positionId ?? null,
      locale: values.locale,
    };
    const body = editing
      ? { ...common, email: values.email?.trim() || null, phone: values.phone?.trim() || null }
      : {
          ...common,
          username: values.username.trim(),
          password: values.password,
          email: values.email?.trim() || undefined,
          phone: values.phone?.trim() || undefined,
        };
    save.mutate(
      { id: editing?.id, body },
      {
        onSuccess: () => {
          message.success(editing ? t('common.saved') : t('users.created'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  const required = (label: string) => ({
    required: true,
    message: t('validation.required', { field: label }),
  });
  const requiredSelect = (label: string) => ({
    required: true,
    message: t('validation.requiredSelect', { field: label }),
  });

  return (
    <Modal
      open={Boolean(target)}
      title={editing ? t('users.editTitle', { name: editing.displayName }) : t('users.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'user-form-ok' }}
      width={720}
      forceRender
    >
      <FormError error={save.error} />
      <Form<UserForm> form={form} layout="vertical" onFinish={onFinish} data-testid="user-form">
        <Row gutter={16}>
          {!editing && (
            <>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="username"
                  label={t('users.username')}
                  rules={[required(t('users.username')), zodRule(fields.username, t('validation.username'))]}
                >
                  <Input maxLength={32} autoComplete="off" data-testid="user-form-username" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="password"
                  label={t('users.initialPassword')}
                  tooltip={t('users.initialPasswordHint')}
                  rules={[
                    required(t('users.initialPassword')),
                    zodRule(fields.password, t('validation.password')),
                  ]}
                >
                  <Input.Password autoComplete="new-password" data-testid="user-form-password" />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} sm={12}>
            <Form.Item
              name="displayName"
              label={t('users.displayName')}
              rules={[{ ...required(t('users.displayName')), whitespace: true }]}
            >
              <Input maxLength={100} data-testid="user-form-display-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="locale" label={t('users.locale')}>
              <Select options={localeOptions} data-testid="user-form-locale" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="email"
              label={t('users.email')}
              rules={[zodRule(fields.email, t('validation.email'))]}
            >
              <Input inputMode="email" maxLength={120} data-testid="user-form-email" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="phone"
              label={t('users.phone')}
              rules={[zodRule(fields.phone, t('validation.phone'))]}
            >
              <Input maxLength={20} data-testid="user-form-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="entityId" label={t('users.entity')} rules={[requiredSelect(t('users.entity'))]}>
              <EntityPicker
                data-testid="user-form-entity"
                // Departments and positions belong to the entity: clear them when it changes.
                onChange={() =>
                  form.setFieldsValue({
                    departmentId: undefined,
                    extraDepartmentIds: [],
                    positionId: undefined,
                  })
                }
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="departmentId"
              label={t('users.department')}
              rules={[requiredSelect(t('users.department'))]}
            >
              <DepartmentTreeSelect entityId={entityId} data-testid="user-form-department" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="positionId" label={t('users.position')}>
              <Select
                allowClear
                loading={positions.isLoading}
                options={(positions.data ?? []).map((position) => ({
                  value: position.id,
                  label: position.name,
                }))}
                data-testid="user-form-position"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="extraDepartmentIds" label={t('users.extraDepartments')}>
              <DepartmentTreeSelect
                entityId={entityId}
                multiple
                allowClear
                data-testid="user-form-extra-departments"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
