import type { ContractArchive } from '@concord/contracts';
import { App, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../shared/FormError';
import { showFieldErrors } from '../../../shared/formRules';
import { ColleagueSelect } from '../pickers/ColleagueSelect';
import { useSaveArchive } from './archiveApi';

interface ArchiveValues {
  location: string;
  boxNumber: string;
  archivistId: string;
  archivedDate: Dayjs;
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
            archivedDate: dayjs(archive.archivedDate),
            copies: archive.copies,
            note: archive.note ?? undefined,
          }
        : { archivedDate: dayjs(), copies: 1 },
    );
  }, [open, archive, form, save.reset]);

  const onFinish = (values: ArchiveValues) => {
    save.mutate(
      {
        location: values.location,
        boxNumber: values.boxNumber,
        archivistId: values.archivistId,
        archivedDate: values.archivedDate.format('YYYY-MM-DD'),
        copies: values.copies,
        note: values.note?.trim() ? values.note : null,
      },
      {
        onSuccess: () => {
          message.success(t('contractArchive.archive.saved'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];
  const requiredSelect = (field: string) => [
    { required: true, message: t('validation.requiredSelect', { field }) },
  ];

  return (
    <Modal
      open={open}
      title={t(archive ? 'contractArchive.archive.editTitle' : 'contractArchive.archive.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'archive-save' }}
      forceRender
    >
      <FormError error={save.error} />
      <Form<ArchiveValues> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="location"
          label={t('contractArchive.archive.location')}
          rules={[
            ...required(t('contractArchive.archive.location')),
            { max: 200, message: t('validation.maxLength', { max: 200 }) },
          ]}
        >
          <Input
            maxLength={200}
            placeholder={t('contractArchive.archive.locationPlaceholder')}
            data-testid="archive-location"
          />
        </Form.Item>
        <Form.Item
          name="boxNumber"
          label={t('contractArchive.archive.boxNumber')}
          rules={[
            ...required(t('contractArchive.archive.boxNumber')),
            { max: 50, message: t('validation.maxLength', { max: 50 }) },
          ]}
        >
          <Input maxLength={50} data-testid="archive-box" />
        </Form.Item>
        <Form.Item
          name="archivistId"
          label={t('contractArchive.archive.archivist')}
          rules={requiredSelect(t('contractArchive.archive.archivist'))}
        >
          <ColleagueSelect currentLabel={archive?.archivistName} data-testid="archive-archivist" />
        </Form.Item>
        <Form.Item
          name="archivedDate"
          label={t('contractArchive.archive.archivedDate')}
          rules={requiredSelect(t('contractArchive.archive.archivedDate'))}
        >
          <DatePicker style={{ width: '100%' }} data-testid="archive-date" />
        </Form.Item>
        <Form.Item
          name="copies"
          label={t('contractArchive.archive.copies')}
          rules={required(t('contractArchive.archive.copies'))}
        >
          <InputNumber
            min={1}
            max={100}
            precision={0}
            style={{ width: '100%' }}
            data-testid="archive-copies"
          />
        </Form.Item>
        <Form.Item name="note" label={t('contractArchive.archive.note')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="archive-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
