import { Form, type FormProps } from "@remix-run/react";
import { forwardRef, type ReactNode } from "react";
import { useI18n, useRootData } from "../i18n/react";
import { isMessageKey } from "../i18n";

/** The hidden CSRF field every mutating form needs. */
export function CsrfInput() {
  return <input type="hidden" name="csrf" value={useRootData()?.csrfToken ?? ""} />;
}

/** A Remix <Form method="post"> that always carries the CSRF token. */
export const PostForm = forwardRef<HTMLFormElement, Omit<FormProps, "method">>(function PostForm(
  { children, ...props },
  ref,
) {
  return (
    <Form method="post" ref={ref} {...props}>
      <CsrfInput />
      {children}
    </Form>
  );
});

/** Shows a message key returned by an action, translated; unknown text is shown as is. */
export function FieldError({ id, error }: { id: string; error?: string | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {isMessageKey(error) ? t(error) : error}
    </p>
  );
}

interface FieldProps {
  name: string;
  label: string;
  error?: string | null;
  hint?: ReactNode;
  children?: ReactNode;
  inputProps?: React.InputHTMLAttributes<HTMLInputElement>;
}

/** A labelled input with its error next to it, wired for screen readers. */
export function TextField({ name, label, error, hint, inputProps }: FieldProps) {
  const errorId = `${name}-error`;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...inputProps}
      />
      {hint ? <p className="hint">{hint}</p> : null}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

/** Asks before a destructive submit; the server still re-checks everything. */
export function ConfirmButton({ message, children, ...props }: React.ButtonHTMLAttributes<HTMLButtonElement> & { message: string }) {
  return (
    <button
      type="submit"
      {...props}
      onClick={(event) => {
        // A form that is not filled in correctly shows its messages first; the question comes once it can be sent.
        const { form, formNoValidate } = event.currentTarget;
        if (form && !form.noValidate && !formNoValidate && !form.checkValidity()) return;
        if (!window.confirm(message)) event.preventDefault();
      }}
    >
      {children}
    </button>
  );
}
