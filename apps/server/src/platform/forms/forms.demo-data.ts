import type { FormField } from '@concord/contracts';

export interface DemoForm {
  code: string;
  name: string;
  description: string;
  /** An entity code, or null for the whole group. */
  entity: string | null;
  amountField: string | null;
  active: boolean;
  fields: FormField[];
}

/** Ad-hoc forms (表单工具) that employees can submit from the first start (seeded by forms.demo.ts). */
export const demoForms: DemoForm[] = [
  {
    code: 'seal',
    name: '用印申请',
    description: '合同、公文等加盖公司印章前的申请',
    entity: null,
    amountField: null,
    active: true,
    fields: [
      {
        key: 'sealType',
        label: '印章类型',
        type: 'select',
        required: true,
        options: [
          { value: 'official', label: '公章' },
          { value: 'contract', label: '合同专用章' },
          { value: 'finance', label: '财务专用章' },
          { value: 'legalRep', label: '法人章' },
        ],
      },
      { key: 'documentName', label: '文件名称', type: 'text', required: true, maxLength: 100 },
      { key: 'copies', label: '用印份数', type: 'number', required: true, min: 1, max: 100 },
      { key: 'purpose', label: '用印事由', type: 'textarea', required: true, maxLength: 1000 },
      { key: 'files', label: '用印文件', type: 'attachment', required: false },
    ],
  },
  {
    code: 'general',
    name: '通用申请',
    description: '没有专门表单的事项：写明事由、金额和明细',
    entity: null,
    amountField: 'amount',
    active: true,
    fields: [
      { key: 'title', label: '申请事项', type: 'text', required: true, maxLength: 100 },
      { key: 'amount', label: '金额', type: 'money', required: false, min: 0 },
      { key: 'period', label: '起止日期', type: 'dateRange', required: false },
      {
        key: 'items',
        label: '明细',
        type: 'table',
        required: false,
        columns: [
          { key: 'item', label: '项目', type: 'text', required: true, maxLength: 100 },
          { key: 'quantity', label: '数量', type: 'number', required: true, min: 0 },
          { key: 'amount', label: '金额', type: 'money', required: true, min: 0 },
        ],
      },
      { key: 'remark', label: '备注', type: 'textarea', required: false, maxLength: 1000 },
    ],
  },
  {
    code: 'tech_outing',
    name: '外出登记',
    description: '协和科技员工因公外出登记',
    entity: 'TECH',
    amountField: null,
    active: true,
    fields: [
      { key: 'date', label: '外出日期', type: 'date', required: true },
      { key: 'destination', label: '目的地', type: 'text', required: true, maxLength: 100 },
      { key: 'companion', label: '同行人', type: 'user', required: false },
    ],
  },
];
