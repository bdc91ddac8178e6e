import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { FormError } from './FormError';
import { showFieldErrors } from './formRules';

interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  /** Called with the validated values; the page runs its mutation. */
  onSubmit: (values: V) => void;
  onCancel: () => void;
  okText?: ReactNode;
  pending?: boolean;
  /** The mutation's error: field errors go under their inputs, the rest above the form. */
  error?: unknown;
  /** A line of explanation above the form. */
  intro?: ReactNode;
  width?: number;
  okTestId?: string;
  formTestId?: string;
  children: ReactNode;
}

/**
 * A dialog with one form: the server's problem above it, its field errors under the inputs, OK
 * submitting (busy while the mutation runs). Rendered while closed so the page may fill the form
 * before opening it.
 */
export function FormModal<V extends object>(props: FormModalProps<V>) {
  const { form, error } = props;
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okText={props.okText}
      confirmLoading={props.pending}
      okButtonProps={props.okTestId ? { 'data-testid': props.okTestId } : undefined}
      width={props.width}
      forceRender
    >
      {props.intro}
      <FormError error={error} />
      <Form<V> form={form} layout="vertical" onFinish={props.onSubmit} data-testid={props.formTestId}>
        {props.children}
      </Form>
    </Modal>
  );
}

/** The `onError` of a form's mutation: puts the server's field errors under the inputs. */
export const fieldErrorsInto =
  <V,>(form: FormInstance<V>) =>
  (error: unknown) => {
    showFieldErrors(form as FormInstance, error);
  };
