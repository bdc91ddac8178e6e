import { type ContractArchive, contractArchiveInputSchema } from '@concord/contracts';
import { App, Form, Input, InputNumber } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { useZodRules } from '../../../shared/zodRules';
import { ColleagueSelect } from '../pickers/ColleagueSelect';
import { useSaveArchive } from './archiveApi';

interface ArchiveValues {
  location: string;
  boxNumber: string;
  archivistId: string;
  archivedDate: string;
  copies: number;
  note?: string;
}

interface ArchiveModalProps {
  contractId: string;
  open: boolean;
  /** The record being edited; null archives the original for the first time. */
  archive: ContractArchive | null;
  onClose: () => void;
}

/** 归档 / 编辑归档信息: where the signed original is kept and who keeps it. */
export function ArchiveModal({ contractId, open, archive, onClose }: ArchiveModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ArchiveValues>();
  const save = useSaveArchive(contractId);

  useEffect(() => {
    if (!open) return;
    save.reset();
    form.resetFields();
    form.setFieldsValue(
      archive
        ? {
            location: archive.location,
            boxNumber: archive.boxNumber,
            archivistId: archive.archivistId,
            archivedDate: archive.archivedDate,
            copies: archive.copies,
            note: archive.note ?? undefined,
          }
        : { archivedDate: dayjs().format('YYYY-MM-DD'), copies: 1 },
    );
  }, [open, archive, form, save.reset]);

  const onFinish = (values: ArchiveValues) => {
    save.mutate(
      {
        location: values.location,
        boxNumber: values.boxNumber,
        archivistId: values.archivistId,
        archivedDate: values.archivedDate,
        copies: values.copies,
        note: values.note?.trim() ? values.note : null,
      },
      {
        onSuccess: () => {
          message.success(t('contractArchive.archive.saved'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  const rules = useZodRules(
    contractArchiveInputSchema,
    {
      location: t('contractArchive.archive.location'),
      boxNumber: t('contractArchive.archive.boxNumber'),
      archivistId: t('contractArchive.archive.archivist'),
      archivedDate: t('contractArchive.archive.archivedDate'),
      copies: t('contractArchive.archive.copies'),
      note: t('contractArchive.archive.note'),
    },
    { picked: ['archivistId', 'archivedDate'] },
  );

  return (
    <FormModal<ArchiveValues>
      open={open}
      title={t(archive ? 'contractArchive.archive.editTitle' : 'contractArchive.archive.createTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('common.save')}
      pending={save.isPending}
      error={save.error}
      okTestId="archive-save"
    >
      <Form.Item name="location" label={t('contractArchive.archive.location')} rules={rules.location}>
        <Input
          maxLength={200}
          placeholder={t('contractArchive.archive.locationPlaceholder')}
          data-testid="archive-location"
        />
      </Form.Item>
      <Form.Item name="boxNumber" label={t('contractArchive.archive.boxNumber')} rules={rules.boxNumber}>
        <Input maxLength={50} data-testid="archive-box" />
      </Form.Item>
      <Form.Item name="archivistId" label={t('contractArchive.archive.archivist')} rules={rules.archivistId}>
        <ColleagueSelect currentLabel={archive?.archivistName} data-testid="archive-archivist" />
      </Form.Item>
      <Form.Item
        name="archivedDate"
        label={t('contractArchive.archive.archivedDate')}
        rules={rules.archivedDate}
      >
        <DateInput testId="archive-date" />
      </Form.Item>
      <Form.Item name="copies" label={t('contractArchive.archive.copies')} rules={rules.copies}>
        <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} data-testid="archive-copies" />
      </Form.Item>
      <Form.Item name="note" label={t('contractArchive.archive.note')} rules={rules.note}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="archive-note" />
      </Form.Item>
    </FormModal>
  );
}
