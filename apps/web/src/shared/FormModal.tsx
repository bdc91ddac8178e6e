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
  /** A number of px, or a CSS width ('100%' at phone width). */
  width?: number | string;
  /** OK cannot be pressed (the request would be refused for a reason the dialog shows). */
  okDisabled?: boolean;
  /** OK does something that cannot be taken back (reject, void): shown red. */
  okDanger?: boolean;
  /** Called when OK found invalid fields (a page that also checks parts outside the form). */
  onSubmitFailed?: () => void;
  /** Below the form and outside it: previews, approval paths, controls with their own state. */
  after?: ReactNode;
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
      okButtonProps={{
        disabled: props.okDisabled,
        danger: props.okDanger,
        ...(props.okTestId ? { 'data-testid': props.okTestId } : {}),
      }}
      width={props.width}
      forceRender
    >
      {props.intro}
      <FormError error={error} />
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={props.onSubmit}
        onFinishFailed={props.onSubmitFailed}
        data-testid={props.formTestId}
      >
        {props.children}
      </Form>
      {props.after}
    </Modal>
  );
}

/** The `onError` of a form's mutation: puts the server's field errors under the inputs. */
export const fieldErrorsInto =
  <V,>(form: FormInstance<V>) =>
  (error: unknown) => {
    showFieldErrors(form as FormInstance, error);
  };
