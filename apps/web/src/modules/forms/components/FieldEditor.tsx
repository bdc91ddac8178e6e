import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type FormFieldType,
  formFieldOptionSchema,
  formFieldSchema,
  formFieldTypes,
} from '@concord/contracts';
import { Button, Card, Checkbox, Form, Input, Select, Space } from 'antd';
import type { FormListFieldData } from 'antd/es/form/FormList';
import { useTranslation } from 'react-i18next';
import { useZodRules } from '../../../shared/zodRules';

function OptionsEditor({ name }: { name: (string | number)[] }) {
  const { t } = useTranslation();
  const rules = useZodRules(formFieldOptionSchema, {
    value: t('forms.editor.optionValue'),
    label: t('forms.editor.optionLabel'),
  });
  return (
    <Form.List name={[...name, 'options']}>
      {(items, { add, remove }) => (
        <div>
          {items.map((item) => (
            <Space key={item.key} align="baseline" wrap>
              <Form.Item name={[item.name, 'value']} rules={rules.value}>
                <Input placeholder={t('forms.editor.optionValue')} style={{ width: 120 }} maxLength={60} />
              </Form.Item>
              <Form.Item name={[item.name, 'label']} rules={rules.label}>
                <Input placeholder={t('forms.editor.optionLabel')} style={{ width: 160 }} maxLength={100} />
              </Form.Item>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => remove(item.name)}
              />
            </Space>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => add({ value: '', label: '' })}
            data-testid="form-editor-add-option"
          >
            {t('forms.editor.addOption')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

function FieldCard({
  item,
  index,
  count,
  listName,
  move,
  remove,
  nested,
}: {
  item: FormListFieldData;
  index: number;
  count: number;
  listName: (string | number)[];
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
  nested: boolean;
}) {
  const { t } = useTranslation();
  const types = nested ? formFieldTypes.filter((type) => type !== 'table') : formFieldTypes;
  const rules = useZodRules(
    formFieldSchema,
    { label: t('forms.editor.label'), key: t('forms.editor.key'), type: t('forms.editor.type') },
    { invalid: { key: t('forms.editor.keyRule') } },
  );
  return (
    <Card
      size="small"
      style={{ marginBottom: 8 }}
      data-testid="form-editor-field"
      title={`#${index + 1}`}
      extra={
        <Space size={0}>
          <Button
            type="text"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            aria-label={t('forms.editor.moveUp')}
            onClick={() => move(index, index - 1)}
          />
          <Button
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={index === count - 1}
            aria-label={t('forms.editor.moveDown')}
            onClick={() => move(index, index + 1)}
          />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('common.delete')}
            data-testid="form-editor-remove-field"
            onClick={() => remove(index)}
          />
        </Space>
      }
    >
      <Space wrap align="start">
        <Form.Item name={[item.name, 'label']} label={t('forms.editor.label')} rules={rules.label}>
          <Input style={{ width: 160 }} maxLength={60} data-testid="form-editor-label" />
        </Form.Item>
        <Form.Item name={[item.name, 'key']} label={t('forms.editor.key')} rules={rules.key}>
          <Input style={{ width: 140 }} maxLength={64} data-testid="form-editor-key" />
        </Form.Item>
        <Form.Item name={[item.name, 'type']} label={t('forms.editor.type')} rules={rules.type}>
          <Select<FormFieldType>
            style={{ width: 140 }}
            data-testid="form-editor-type"
            options={types.map((type) => ({ value: type, label: t(`forms.types.${type}`) }))}
          />
        </Form.Item>
        <Form.Item name={[item.name, 'required']} label={t('forms.editor.required')} valuePropName="checked">
          <Checkbox />
        </Form.Item>
      </Space>
      <Form.Item noStyle shouldUpdate>
        {(form) => {
          const type = form.getFieldValue([...listName, item.name, 'type']) as FormFieldType | undefined;
          if (type === 'select' || type === 'multiSelect')
            return (
              <Form.Item label={t('forms.editor.options')}>
                <OptionsEditor name={[item.name]} />
              </Form.Item>
            );
          if (type === 'table' && !nested)
            return (
              <Form.Item label={t('forms.editor.columns')}>
                <FieldEditor
                  name={[item.name, 'columns']}
                  listPath={[...listName, item.name, 'columns']}
                  nested
                />
              </Form.Item>
            );
          return null;
        }}
      </Form.Item>
    </Card>
  );
}

/**
 * Edits a list of form fields inside an antd Form: add, remove, reorder; type, label, key, required;
 * options for selects and columns for tables (one level: a column is never a table).
 */
export function FieldEditor({
  name,
  listPath,
  nested = false,
}: {
  name: (string | number)[];
  /** The list's full path in the form, for reading sibling values. */
  listPath: (string | number)[];
  nested?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(items, { add, remove, move }) => (
        <div>
          {items.map((item, index) => (
            <FieldCard
              key={item.key}
              item={item}
              index={index}
              count={items.length}
              listName={listPath}
              move={move}
              remove={remove}
              nested={nested}
            />
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            data-testid={nested ? 'form-editor-add-column' : 'form-editor-add-field'}
            onClick={() => add({ key: `field${items.length + 1}`, label: '', type: 'text', required: false })}
          >
            {nested ? t('forms.editor.addColumn') : t('forms.editor.addField')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
