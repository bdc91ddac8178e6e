import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  type PartnerDetail,
  type PartnerQualification,
  partnerQualificationInputSchema,
} from '@concord/contracts';
import { App, AutoComplete, Button, Col, Flex, Form, Input, Row, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth/session';
import { EmptyState } from '../../shared/EmptyState';
import { errorMessage } from '../../shared/errorMessage';
import { DateInput } from '../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../shared/FormModal';
import { CreateButton } from '../../shared/listPage';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { RowActions } from '../../shared/RowActions';
import { useConfirm } from '../../shared/useConfirm';
import { useZodRules } from '../../shared/zodRules';
import { expiryOf } from './labels';
import { fileContentUrl, fileUploadUrl, useQualificationMutations } from './partnersApi';

/** Expired rows in light red, rows expiring within 30 days in light amber. */
const rowBackground: Record<string, string | undefined> = { expired: '#fff1f0', expiring: '#fffbe6' };

type Target = { mode: 'create' } | { mode: 'edit'; qualification: PartnerQualification };

interface QualificationForm {
  type: string;
  number?: string;
  /** YYYY-MM-DD. */
  validFrom?: string | null;
  validTo?: string | null;
  attachmentFileId?: string | null;
}

/** The validity as a coloured tag: red once expired, orange within 30 days. */
export function ExpiryTag({ validTo }: { validTo: string | null }) {
  const { t } = useTranslation();
  const { state, days } = expiryOf(validTo);
  if (state === 'none') return <Tag>{t('partners.qualification.noExpiry')}</Tag>;
  if (state === 'expired') return <Tag color="error">{t('partners.qualification.expired', { days })}</Tag>;
  if (state === 'expiring')
    return (
      <Tag color="warning" data-testid="qualification-expiring">
        {days === 0
          ? t('partners.qualification.expiresToday')
          : t('partners.qualification.expiresIn', { days })}
      </Tag>
    );
  return <Tag color="success">{t('partners.qualification.valid')}</Tag>;
}

/** One attachment: upload to /api/v1/files, the form value is its id. */
function AttachmentInput({
  value,
  onChange,
  initialName,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  initialName?: string | null;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [name, setName] = useState<string | null>(initialName ?? null);
  useEffect(() => setName(initialName ?? null), [initialName]);
  return (
    <Flex gap={8} align="center" wrap>
      {value && (
        <Typography.Link href={fileContentUrl(value)} target="_blank">
          <PaperClipOutlined /> {name ?? value.slice(0, 8)}
        </Typography.Link>
      )}
      {value && (
        <Button size="small" type="link" danger onClick={() => onChange?.(null)}>
          {t('common.delete')}
        </Button>
      )}
      <Upload
        name="file"
        action={fileUploadUrl}
        headers={{ 'X-CSRF-Token': session.csrfToken }}
        withCredentials
        showUploadList={false}
        onChange={({ file }) => {
          const uploaded = file.response as { id: string; name: string } | undefined;
          if (file.status === 'done' && uploaded?.id) {
            setName(uploaded.name);
            onChange?.(uploaded.id);
          }
        }}
      >
        <Button icon={<UploadOutlined />} size="small" data-testid="qualification-upload">
          {t('partners.qualification.upload')}
        </Button>
      </Upload>
    </Flex>
  );
}

export function QualificationsTab({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { save, remove } = useQualificationMutations();
  const [target, setTarget] = useState<Target | null>(null);
  const [form] = Form.useForm<QualificationForm>();
  const editing = target?.mode === 'edit' ? target.qualification : undefined;
  const suggestions = t('partners.qualification.typeSuggestions')
    .split('|')
    .map((value) => ({ value }));

  useEffect(() => {
    if (!target) return;
    save.reset();
    form.resetFields();
    if (target.mode === 'edit') {
      const { qualification } = target;
      form.setFieldsValue({
        type: qualification.type,
        number: qualification.number ?? undefined,
        validFrom: qualification.validFrom,
        validTo: qualification.validTo,
        attachmentFileId: qualification.attachmentFileId,
      });
    }
  }, [target, form, save.reset]);

  // The dates are checked by the pickers (and their order below); the texts by the body's schema.
  const rules = useZodRules(partnerQualificationInputSchema, {
    type: t('partners.qualification.type'),
    number: t('partners.qualification.number'),
  });

  const onFinish = (values: QualificationForm) => {
    const body = {
      type: values.type.trim(),
      number: values.number?.trim() || null,
      validFrom: values.validFrom ?? null,
      validTo: values.validTo ?? null,
      attachmentFileId: values.attachmentFileId ?? null,
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

  const onDelete = async (qualification: PartnerQualification) => {
    if (
      !(await confirm({
        title: t('partners.qualification.deleteConfirm', { type: qualification.type }),
        danger: true,
      }))
    )
      return;
    remove.mutate(qualification.id, {
      onSuccess: () => message.success(t('common.deleted')),
      onError: (error) => message.error(errorMessage(error, t)),
    });
  };

  const actionsOf = (qualification: PartnerQualification) =>
    partner.canManage
      ? [
          { key: 'edit', label: t('common.edit'), onClick: () => setTarget({ mode: 'edit', qualification }) },
          {
            key: 'delete',
            label: t('common.delete'),
            danger: true,
            onClick: () => void onDelete(qualification),
          },
        ]
      : [];
  const add = (
    <CreateButton
      allowed={partner.canManage}
      label={t('partners.qualification.add')}
      onClick={() => setTarget({ mode: 'create' })}
      testId="partner-qualification-add"
    />
  );

  return (
    <Flex vertical gap={12}>
      {partner.canManage && partner.qualifications.length > 0 && <Flex justify="flex-end">{add}</Flex>}
      <ResponsiveTable<PartnerQualification>
        rowKey="id"
        size="small"
        data-testid="partner-qualifications"
        dataSource={partner.qualifications}
        pagination={false}
        onRow={(q) => ({ style: { background: rowBackground[expiryOf(q.validTo).state] } })}
        empty={<EmptyState description={t('partners.qualification.empty')} action={add} />}
        cardTitle={(q) => <span style={{ whiteSpace: 'normal' }}>{q.type}</span>}
        cardActions={(q) => [<RowActions key="actions" actions={actionsOf(q)} />]}
        cardHiddenColumns={['type', 'actions']}
        columns={[
          { key: 'type', dataIndex: 'type', title: t('partners.qualification.type') },
          {
            key: 'number',
            dataIndex: 'number',
            title: t('partners.qualification.number'),
            render: (number: string | null) => number || '—',
          },
          {
            key: 'validity',
            title: `${t('partners.qualification.validFrom')} – ${t('partners.qualification.validTo')}`,
            render: (_, q) => `${q.validFrom ?? '…'} – ${q.validTo ?? t('partners.qualification.noExpiry')}`,
          },
          {
            key: 'status',
            dataIndex: 'validTo',
            title: t('partners.fields.status'),
            render: (validTo: string | null) => <ExpiryTag validTo={validTo} />,
          },
          {
            key: 'attachment',
            dataIndex: 'attachmentFileId',
            title: t('partners.qualification.attachment'),
            render: (id: string | null, q) =>
              id ? (
                <Typography.Link href={fileContentUrl(id)} target="_blank">
                  <PaperClipOutlined /> {q.attachmentName ?? id.slice(0, 8)}
                </Typography.Link>
              ) : (
                '—'
              ),
          },
          ...(partner.canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, q: PartnerQualification) => <RowActions actions={actionsOf(q)} />,
                },
              ]
            : []),
        ]}
      />
      <FormModal<QualificationForm>
        open={Boolean(target)}
        title={editing ? t('partners.qualification.editTitle') : t('partners.qualification.addTitle')}
        form={form}
        onSubmit={onFinish}
        onCancel={() => setTarget(null)}
        okText={t('common.save')}
        pending={save.isPending}
        error={save.error}
        okTestId="partner-qualification-ok"
      >
        <Form.Item name="type" label={t('partners.qualification.type')} rules={rules.type}>
          <AutoComplete options={suggestions} maxLength={60} data-testid="qualification-type" />
        </Form.Item>
        <Form.Item name="number" label={t('partners.qualification.number')} rules={rules.number}>
          <Input maxLength={60} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="validFrom" label={t('partners.qualification.validFrom')}>
              <DateInput />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="validTo"
              label={t('partners.qualification.validTo')}
              extra={t('partners.qualification.validToHint')}
              dependencies={['validFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value?: string | null) => {
                    const from = getFieldValue('validFrom') as string | null | undefined;
                    if (value && from && value < from)
                      throw new Error(t('partners.qualification.validOrder'));
                  },
                }),
              ]}
            >
              <DateInput testId="qualification-valid-to" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="attachmentFileId" label={t('partners.qualification.attachment')}>
          <AttachmentInput initialName={editing?.attachmentName} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
