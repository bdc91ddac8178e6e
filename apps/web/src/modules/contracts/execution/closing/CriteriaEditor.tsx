import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type ContractCategory,
  criteriaProblem,
  DEFAULT_EVALUATION_CRITERIA,
  type EvaluationCriterion,
} from '@concord/contracts';
import { Alert, Button, Flex, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A criterion as edited: the weight in percent (two decimals), sent as basis points. */
export interface CriterionRow {
  code: string;
  name: string;
  weightPercent: number | null;
}

export interface CriteriaValues {
  evaluationCustom: boolean;
  evaluationCriteria: CriterionRow[];
}

const toRows = (criteria: EvaluationCriterion[]): CriterionRow[] =>
  criteria.map((c) => ({ code: c.code, name: c.name, weightPercent: c.weight / 100 }));

/** The drawer's initial values for a category (or a new one: the default scorecard). */
export function criteriaFormValues(category: ContractCategory | null): CriteriaValues {
  const custom = category ? !category.evaluationCriteriaDefault : false;
  return {
    evaluationCustom: custom,
    evaluationCriteria: toRows(
      custom && category ? category.evaluationCriteria : DEFAULT_EVALUATION_CRITERIA,
    ),
  };
}

/** The body's `evaluationCriteria`: null for the default scorecard. */
export function criteriaBody(values: Partial<CriteriaValues>): EvaluationCriterion[] | null {
  if (!values.evaluationCustom) return null;
  return (values.evaluationCriteria ?? []).map((row) => ({
    code: row.code.trim(),
    name: row.name.trim(),
    weight: Math.round((row.weightPercent ?? 0) * 100),
  }));
}

/** Why the edited scorecard cannot be saved (weights, codes), or null. */
export function criteriaIssue(values: Partial<CriteriaValues>): string | null {
  const criteria = criteriaBody(values);
  if (!criteria) return null;
  if (!criteria.length || criteria.some((c) => !c.code || !c.name || c.weight <= 0)) return 'incomplete';
  return criteriaProblem(criteria);
}

/** The closing evaluation's scorecard of a category: the default, or custom criteria with weights summing to 100%. */
export function CriteriaEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const custom = Form.useWatch('evaluationCustom', form) as boolean | undefined;
  const rows = (Form.useWatch('evaluationCriteria', form) as CriterionRow[] | undefined) ?? [];
  const total = rows.reduce((sum, row) => sum + Math.round((row?.weightPercent ?? 0) * 100), 0);
  return (
    <Flex vertical gap={12} data-testid="category-criteria">
      <Typography.Text strong>{t('contractClosing.criteriaEditor.title')}</Typography.Text>
      <Form.Item name="evaluationCustom" style={{ marginBottom: 0 }}>
        <Radio.Group
          options={[
            { value: false, label: t('contractClosing.criteriaEditor.useDefault') },
            { value: true, label: t('contractClosing.criteriaEditor.custom') },
          ]}
          data-testid="category-criteria-mode"
        />
      </Form.Item>
      {custom && (
        <Form.List name="evaluationCriteria">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} wrap align="start">
                  <Form.Item name={[field.name, 'code']} style={{ flex: '1 1 110px', marginBottom: 0 }}>
                    <Input
                      maxLength={32}
                      placeholder={t('contractClosing.criteriaEditor.code')}
                      data-testid={`criterion-code-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} style={{ flex: '2 1 140px', marginBottom: 0 }}>
                    <Input
                      maxLength={50}
                      placeholder={t('contractClosing.criteriaEditor.name')}
                      data-testid={`criterion-name-${index}`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'weightPercent']}
                    style={{ flex: '1 1 100px', marginBottom: 0 }}
                  >
                    <InputNumber
                      min={0}
                      max={100}
                      precision={2}
                      suffix="%"
                      placeholder={t('contractClosing.criteriaEditor.weight')}
                      style={{ width: '100%' }}
                      data-testid={`criterion-weight-${index}`}
                    />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ code: '', name: '', weightPercent: null })}
                data-testid="criterion-add"
              >
                {t('contractClosing.criteriaEditor.add')}
              </Button>
              <Typography.Text type={total === 10000 ? 'secondary' : 'danger'} data-testid="criteria-total">
                {t('contractClosing.criteriaEditor.total', { total: (total / 100).toFixed(2) })}
              </Typography.Text>
              {total !== 10000 && (
                <Alert type="warning" showIcon message={t('contractClosing.criteriaEditor.mustSum')} />
              )}
            </Flex>
          )}
        </Form.List>
      )}
    </Flex>
  );
}
