import type { PartnerContact, PartnerDetail } from '@concord/contracts';
import { partnerContactInputSchema } from '@concord/contracts';
import { App, Col, Flex, Form, Input, Row } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../shared/EmptyState';
import { errorMessage } from '../../shared/errorMessage';
import { FormModal, fieldErrorsInto } from '../../shared/FormModal';
import { CreateButton } from '../../shared/listPage';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { RowActions } from '../../shared/RowActions';
import { useConfirm } from '../../shared/useConfirm';
import { useZodRules } from '../../shared/zodRules';
import { useContactMutations } from './partnersApi';

type Target = { mode: 'create' } | { mode: 'edit'; contact: PartnerContact };

interface ContactForm {
  name: string;
  role?: string;
  position?: string;
  phone?: string;
  email?: string;
}

export function ContactsTab({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { save, remove } = useContactMutations();
  const [target, setTarget] = useState<Target | null>(null);
  const [form] = Form.useForm<ContactForm>();
  const editing = target?.mode === 'edit' ? target.contact : undefined;

  useEffect(() => {
    if (!target) return;
    save.reset();
    form.resetFields();
    if (target.mode === 'edit') {
      const { contact } = target;
      form.setFieldsValue({
        name: contact.name,
        role: contact.role ?? undefined,
        position: contact.position ?? undefined,
        phone: contact.phone ?? undefined,
        email: contact.email ?? undefined,
      });
    }
  }, [target, form, save.reset]);

  const rules = useZodRules(
    partnerContactInputSchema,
    {
      name: t('partners.contact.name'),
      role: t('partners.contact.role'),
      position: t('partners.contact.position'),
      phone: t('partners.contact.phone'),
      email: t('partners.contact.email'),
    },
    { invalid: { phone: t('validation.phone'), email: t('validation.email') } },
  );

  const onFinish = (values: ContactForm) => {
    const body = {
      name: values.name.trim(),
      role: values.role?.trim() || null,
      position: values.position?.trim() || null,
      phone: values.phone?.trim() || null,
      email: values.email?.trim() || null,
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

  const onDelete = async (contact: PartnerContact) => {
    if (
      !(await confirm({ title: t('partners.contact.deleteConfirm', { name: contact.name }), danger: true }))
    )
      return;
    remove.mutate(contact.id, {
      onSuccess: () => message.success(t('common.deleted')),
      onError: (error) => message.error(errorMessage(error, t)),
    });
  };

  const actionsOf = (contact: PartnerContact) =>
    partner.canManage
      ? [
          { key: 'edit', label: t('common.edit'), onClick: () => setTarget({ mode: 'edit', contact }) },
          { key: 'delete', label: t('common.delete'), danger: true, onClick: () => void onDelete(contact) },
        ]
      : [];
  const add = (
    <CreateButton
      allowed={partner.canManage}
      label={t('partners.contact.add')}
      onClick={() => setTarget({ mode: 'create' })}
      testId="partner-contact-add"
    />
  );
  const dash = (value: string | null) => value || '—';

  return (
    <Flex vertical gap={12}>
      {partner.canManage && partner.contacts.length > 0 && <Flex justify="flex-end">{add}</Flex>}
      <ResponsiveTable<PartnerContact>
        rowKey="id"
        size="small"
        data-testid="partner-contacts"
        dataSource={partner.contacts}
        pagination={false}
        empty={<EmptyState description={t('partners.contact.empty')} action={add} />}
        cardTitle={(contact) => contact.name}
        cardActions={(contact) => [<RowActions key="actions" actions={actionsOf(contact)} />]}
        cardHiddenColumns={['name', 'actions']}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('partners.contact.name') },
          { key: 'role', dataIndex: 'role', title: t('partners.contact.role'), render: dash },
          { key: 'position', dataIndex: 'position', title: t('partners.contact.position'), render: dash },
          {
            key: 'phone',
            dataIndex: 'phone',
            title: t('partners.contact.phone'),
            render: (phone: string | null) =>
              phone ? <a href={`tel:${phone.replace(/\s/g, '')}`}>{phone}</a> : '—',
          },
          {
            key: 'email',
            dataIndex: 'email',
            title: t('partners.contact.email'),
            render: (email: string | null) => (email ? <a href={`mailto:${email}`}>{email}</a> : '—'),
          },
          ...(partner.canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, contact: PartnerContact) => (
                    <RowActions actions={actionsOf(contact)} />
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<ContactForm>
        open={Boolean(target)}
        title={editing ? t('partners.contact.editTitle') : t('partners.contact.addTitle')}
        form={form}
        onSubmit={onFinish}
        onCancel={() => setTarget(null)}
        okText={t('common.save')}
        pending={save.isPending}
        error={save.error}
        okTestId="partner-contact-ok"
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('partners.contact.name')} rules={rules.name}>
              <Input maxLength={60} data-testid="partner-contact-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="role" label={t('partners.contact.role')} rules={rules.role}>
              <Input maxLength={40} placeholder={t('partners.contact.rolePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="position" label={t('partners.contact.position')} rules={rules.position}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('partners.contact.phone')} rules={rules.phone}>
              <Input maxLength={30} data-testid="partner-contact-phone" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="email" label={t('partners.contact.email')} rules={rules.email}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
      </FormModal>
    </Flex>
  );
}
