import {
  formatNumber,
  type NumberingReset,
  type NumberingRule,
  numberingIssueText,
  numberingPatternIssue,
  numberingResets,
  numberingRuleCreateSchema,
  numberingTokens,
} from '@concord/contracts';
import {
  Alert,
  App,
  Button,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/auth/session';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { useZodRules } from '../../../shared/zodRules';
import { useSaveNumberingRule } from './numberingApi';

export type NumberingRuleTarget = { mode: 'create' } | { mode: 'edit'; rule: NumberingRule };

interface RuleForm {
  code: string;
  name: string;
  pattern: string;
  prefix?: string;
  seqWidth: number;
  reset: NumberingReset;
  active: boolean;
  description?: string;
}

const locale = (language: string) => (language.startsWith('en') ? 'en-US' : 'zh-CN');
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Create or edit a numbering rule, with a live example of the number it produces. */
export function NumberingRuleModal({
  target,
  onClose,
}: {
  target: NumberingRuleTarget | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const [form] = Form.useForm<RuleForm>();
  const save = useSaveNumberingRule();
  const editing = target?.mode === 'edit' ? target.rule : undefined;
  const pattern = Form.useWatch('pattern', form) ?? '';
  const prefix = Form.useWatch('prefix', form) ?? '';
  const seqWidth = Form.useWatch('seqWidth', form) ?? 4;
  const reset = Form.useWatch('reset', form) ?? 'YEAR';

  useEffect(() => {
    if (!target) return;
    save.reset();
    form.resetFields();
    if (target.mode === 'edit') {
      const { rule } = target;
      form.setFieldsValue({ ...rule, description: rule.description ?? undefined });
    } else {
      form.setFieldsValue({
        pattern: '{prefix}-{entity}-{yyyy}{mm}-{seq}',
        seqWidth: 4,
        reset: 'YEAR',
        active: true,
      });
    }
  }, [target, form, save.reset]);

  const issue = pattern ? numberingPatternIssue(pattern, reset) : null;
  const date = today();
  const example =
    pattern && !issue
      ? formatNumber({ pattern, prefix, seqWidth }, { entityCode: session.actingEntity.code, date, seq: 1 })
      : null;

  const insert = (token: string) => {
    form.setFieldValue('pattern', `${form.getFieldValue('pattern') ?? ''}{${token}}`);
    void form.validateFields(['pattern']).catch(() => undefined);
  };

  const onFinish = (values: RuleForm) => {
    const common = {
      name: values.name.trim(),
      pattern: values.pattern.trim(),
      prefix: values.prefix?.trim() ?? '',
      seqWidth: values.seqWidth,
      reset: values.reset,
      active: values.active,
      description: values.description?.trim() || null,
    };
    save.mutate(
      { id: editing?.id, body: editing ? common : { ...common, code: values.code.trim() } },
      {
        onSuccess: () => {
          message.success(editing ? t('common.saved') : t('numbering.created'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  // The pattern's own issues (tokens, the reset it needs) are told in words by the check below it.
  const rules = useZodRules(
    numberingRuleCreateSchema,
    {
      code: t('numbering.fields.code'),
      name: t('numbering.fields.name'),
      pattern: t('numbering.fields.pattern'),
      prefix: t('numbering.fields.prefix'),
      seqWidth: t('numbering.fields.seqWidth'),
      description: t('numbering.fields.description'),
    },
    { invalid: { code: t('validation.code') } },
  );

  return (
    <FormModal<RuleForm>
      open={Boolean(target)}
      title={editing ? t('numbering.editTitle', { name: editing.name }) : t('numbering.createTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('common.save')}
      pending={save.isPending}
      error={save.error}
      okTestId="numbering-form-ok"
      formTestId="numbering-form"
      width={680}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="code"
            label={t('numbering.fields.code')}
            extra={editing ? undefined : t('numbering.codeHint')}
            rules={editing ? [] : rules.code}
          >
            <Input maxLength={40} disabled={Boolean(editing)} data-testid="numbering-form-code" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="name" label={t('numbering.fields.name')} rules={rules.name}>
            <Input maxLength={100} data-testid="numbering-form-name" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="pattern"
            label={t('numbering.fields.pattern')}
            extra={t('numbering.entityHint')}
            rules={[
              ...rules.pattern,
              {
                validator: async (_rule, value: string | undefined) => {
                  const found = value
                    ? numberingPatternIssue(value, form.getFieldValue('reset') ?? 'YEAR')
                    : null;
                  if (found) throw new Error(numberingIssueText(found, locale(i18n.language)));
                },
              },
            ]}
            dependencies={['reset']}
          >
            <Input maxLength={80} style={{ fontFamily: 'monospace' }} data-testid="numbering-form-pattern" />
          </Form.Item>
          <Flex gap={4} wrap align="center" style={{ marginTop: -12, marginBottom: 16 }}>
            <Typography.Text type="secondary">{t('numbering.insertToken')}</Typography.Text>
            {numberingTokens.map((token) => (
              <Button
                key={token}
                size="small"
                onClick={() => insert(token)}
                title={t(`numbering.tokens.${token}`)}
              >
                {`{${token}}`}
              </Button>
            ))}
          </Flex>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="prefix" label={t('numbering.fields.prefix')} rules={rules.prefix}>
            <Input maxLength={20} data-testid="numbering-form-prefix" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="seqWidth" label={t('numbering.fields.seqWidth')} rules={rules.seqWidth}>
            <InputNumber
              min={3}
              max={8}
              precision={0}
              style={{ width: '100%' }}
              data-testid="numbering-form-width"
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="reset" label={t('numbering.fields.reset')} tooltip={t('numbering.resetHint')}>
            <Select
              options={numberingResets.map((value) => ({ value, label: t(`numbering.reset.${value}`) }))}
              data-testid="numbering-form-reset"
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Alert
            type={issue ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="numbering-preview"
            title={
              example ? (
                <span>
                  {t('numbering.preview', { number: '' })}
                  <Typography.Text strong style={{ fontFamily: 'monospace' }}>
                    {example}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {t('numbering.previewFor', { entity: session.actingEntity.code, date })}
                  </Typography.Text>
                </span>
              ) : (
                (issue && numberingIssueText(issue, locale(i18n.language))) || t('numbering.resetHint')
              )
            }
          />
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="description" label={t('numbering.fields.description')} rules={rules.description}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="active" label={t('numbering.fields.active')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
