import { type Locale, type User, userCreateSchema } from '@concord/contracts';
import { App, Col, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions, useSession } from '../../../app/auth/session';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { useLocaleOptions } from '../../../shared/useLocaleOptions';
import { useZodRules } from '../../../shared/zodRules';
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
        onError: fieldErrorsInto(form),
      },
    );
  };

  // The entity is no part of the body (a user's entity follows the department): it only narrows
  // the pickers, is always prefilled, and the required department stands for it.
  const rules = useZodRules(
    userCreateSchema,
    {
      username: t('users.username'),
      password: t('users.initialPassword'),
      displayName: t('users.displayName'),
      email: t('users.email'),
      phone: t('users.phone'),
      departmentId: t('users.department'),
    },
    {
      picked: ['departmentId'],
      invalid: {
        username: t('validation.username'),
        password: t('validation.password'),
        email: t('validation.email'),
        phone: t('validation.phone'),
      },
    },
  );

  return (
    <FormModal<UserForm>
      open={Boolean(target)}
      title={editing ? t('users.editTitle', { name: editing.displayName }) : t('users.createTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('common.save')}
      pending={save.isPending}
      error={save.error}
      okTestId="user-form-ok"
      formTestId="user-form"
      width={720}
    >
      <Row gutter={16}>
        {!editing && (
          <>
            <Col xs={24} sm={12}>
              <Form.Item name="username" label={t('users.username')} rules={rules.username}>
                <Input maxLength={32} autoComplete="off" data-testid="user-form-username" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="password"
                label={t('users.initialPassword')}
                tooltip={t('users.initialPasswordHint')}
                rules={rules.password}
              >
                <Input.Password autoComplete="new-password" data-testid="user-form-password" />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} sm={12}>
          <Form.Item name="displayName" label={t('users.displayName')} rules={rules.displayName}>
            <Input maxLength={100} data-testid="user-form-display-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="locale" label={t('users.locale')}>
            <Select options={localeOptions} data-testid="user-form-locale" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="email" label={t('users.email')} rules={rules.email}>
            <Input inputMode="email" maxLength={120} data-testid="user-form-email" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="phone" label={t('users.phone')} rules={rules.phone}>
            <Input maxLength={20} data-testid="user-form-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="entityId" label={t('users.entity')}>
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
          <Form.Item name="departmentId" label={t('users.department')} rules={rules.departmentId}>
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
    </FormModal>
  );
}
