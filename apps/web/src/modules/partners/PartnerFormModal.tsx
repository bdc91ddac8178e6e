import {
  creditCodeIssue,
  creditCodeIssueText,
  normalizeCreditCode,
  type PartnerDetail,
  type PartnerKind,
  type PartnerListItem,
  type PartnerType,
  partnerKinds,
  partnerCreateSchema,
  partnerTypes,
  regionOfCreditCode,
} from '@concord/contracts';
import { App, Checkbox, Col, Form, type GetProps, Input, Row, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth/session';
import { FormModal, fieldErrorsInto } from '../../shared/FormModal';
import { useZodRules } from '../../shared/zodRules';
import { EntityPicker } from '../system/components/EntityPicker';
import { RatingTag } from './partnerColumns';
import { industryOptions, localeOf, regionOptions } from './labels';
import { useSavePartner } from './partnersApi';

export type PartnerFormTarget =
  | { mode: 'create' }
  | { mode: 'edit'; partner: PartnerListItem | PartnerDetail };

interface PartnerForm {
  name: string;
  creditCode?: string;
  kinds: PartnerKind[];
  type: PartnerType;
  industry?: string;
  region?: string;
  address?: string;
  remarks?: string;
  entityId?: string;
  sharedWithGroup: boolean;
}

/** Register or edit a partner. The credit code is checked here with the server's own algorithm. */
/**
 * A checkbox group inside a required Form.Item: antd passes the group `aria-required`, which a plain
 * group may not carry (axe: aria-allowed-attr); the required mark and the message say it instead.
 */
function CheckboxGroup({
  'aria-required': _required,
  ...props
}: GetProps<typeof Checkbox.Group> & { 'aria-required'?: unknown }) {
  return <Checkbox.Group {...props} />;
}

export function PartnerFormModal({
  target,
  onClose,
  onCreated,
}: {
  target: PartnerFormTarget | null;
  onClose: () => void;
  onCreated?: (partner: PartnerDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { message } = App.useApp();
  const session = useSession();
  const [form] = Form.useForm<PartnerForm>();
  const save = useSavePartner();
  const editing = target?.mode === 'edit' ? target.partner : undefined;
  const type = Form.useWatch('type', form);
  // The server's own schema: required, lengths and the code lists come from it.
  const rules = useZodRules(partnerCreateSchema, {
    name: t('partners.fields.name'),
    type: t('partners.fields.type'),
    kinds: t('partners.fields.kinds'),
    industry: t('partners.fields.industry'),
    region: t('partners.fields.region'),
    address: t('partners.fields.address'),
    remarks: t('partners.fields.remarks'),
  });

  useEffect(() => {
    if (!target) return;
    save.reset();
    form.resetFields();
    if (target.mode === 'edit') {
      const { partner } = target;
      form.setFieldsValue({
        name: partner.name,
        creditCode: partner.creditCode ?? undefined,
        kinds: partner.kinds,
        type: partner.type,
        industry: partner.industry ?? undefined,
        region: partner.region ?? undefined,
        address: partner.address ?? undefined,
        remarks: partner.remarks ?? undefined,
        sharedWithGroup: partner.sharedWithGroup,
      });
    } else {
      form.setFieldsValue({
        kinds: ['supplier'],
        type: 'enterprise',
        entityId: session.actingEntity.id,
        sharedWithGroup: false,
      });
    }
  }, [target, form, save.reset, session.actingEntity.id]);

  const creditCodeRule: Rule = {
    validator: async (_rule, value: string | undefined) => {
      const code = normalizeCreditCode(value ?? '');
      if (!code) {
        if (form.getFieldValue('type') !== 'individual') throw new Error(t('partners.creditCodeRequired'));
        return;
      }
      const issue = creditCodeIssue(code);
      if (issue)
        throw new Error(t('partners.creditCodeInvalid', { detail: creditCodeIssueText(issue, locale) }));
    },
  };

  /** Normalises what was typed and, when the region is still empty, reads it from the code. */
  const onCreditCodeBlur = () => {
    const raw = form.getFieldValue('creditCode') as string | undefined;
    if (!raw) return;
    const code = normalizeCreditCode(raw);
    form.setFieldValue('creditCode', code);
    const region = regionOfCreditCode(code);
    if (region && !form.getFieldValue('region') && creditCodeIssue(code) === null) {
      form.setFieldValue('region', region);
      message.info(t('partners.regionFilled'));
    }
  };

  const onFinish = (values: PartnerForm) => {
    const common = {
      name: values.name.trim(),
      creditCode: values.creditCode ? normalizeCreditCode(values.creditCode) : null,
      kinds: values.kinds,
      type: values.type,
      industry: values.industry ?? null,
      region: values.region ?? null,
      address: values.address?.trim() || null,
      remarks: values.remarks?.trim() || null,
      sharedWithGroup: values.sharedWithGroup,
    };
    save.mutate(
      { id: editing?.id, body: editing ? common : { ...common, entityId: values.entityId } },
      {
        onSuccess: (partner) => {
          message.success(editing ? t('common.saved') : t('partners.created'));
          onClose();
          if (!editing) onCreated?.(partner);
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  return (
    <FormModal<PartnerForm>
      open={Boolean(target)}
      title={editing ? t('partners.editTitle', { name: editing.name }) : t('partners.createTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('common.save')}
      pending={save.isPending}
      error={save.error}
      okTestId="partner-form-ok"
      formTestId="partner-form"
      width={760}
    >
      <Row gutter={16}>
        <Col xs={24} sm={14}>
          <Form.Item name="name" label={t('partners.fields.name')} rules={rules.name}>
            <Input maxLength={100} data-testid="partner-form-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="type" label={t('partners.fields.type')} rules={rules.type}>
            <Select
              options={partnerTypes.map((value) => ({ value, label: t(`partners.type.${value}`) }))}
              onChange={() => void form.validateFields(['creditCode']).catch(() => undefined)}
              data-testid="partner-form-type"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item
            name="creditCode"
            label={t('partners.fields.creditCode')}
            extra={t('partners.creditCodeHint')}
            rules={[creditCodeRule]}
            required={type !== 'individual'}
            validateTrigger={['onBlur', 'onChange']}
          >
            <Input
              maxLength={24}
              onBlur={onCreditCodeBlur}
              style={{ fontFamily: 'monospace' }}
              data-testid="partner-form-credit-code"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="kinds" label={t('partners.fields.kinds')} rules={rules.kinds}>
            <CheckboxGroup
              options={partnerKinds.map((value) => ({ value, label: t(`partners.kind.${value}`) }))}
              data-testid="partner-form-kinds"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="industry" label={t('partners.fields.industry')} rules={rules.industry}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={industryOptions(locale)}
              data-testid="partner-form-industry"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="region" label={t('partners.fields.region')} rules={rules.region}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={regionOptions(locale)}
              data-testid="partner-form-region"
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('partners.fields.address')} rules={rules.address}>
            <Input maxLength={200} data-testid="partner-form-address" />
          </Form.Item>
        </Col>
        {!editing && (
          <Col xs={24} sm={12}>
            <Form.Item name="entityId" label={t('partners.fields.entity')} extra={t('partners.entityHint')}>
              <EntityPicker data-testid="partner-form-entity" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item
            name="sharedWithGroup"
            label={t('partners.fields.shared')}
            valuePropName="checked"
            extra={t('partners.sharedHint')}
          >
            <Switch data-testid="partner-form-shared" />
          </Form.Item>
        </Col>
        {editing && (
          <Col xs={24} sm={12}>
            <Form.Item label={t('partners.fields.rating')} extra={t('partners.ratingHint')}>
              <RatingTag rating={editing.rating} t={t} />
            </Form.Item>
          </Col>
        )}
        <Col span={24}>
          <Form.Item name="remarks" label={t('partners.fields.remarks')} rules={rules.remarks}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="partner-form-remarks" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
