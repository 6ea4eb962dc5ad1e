import { createRef, useRef, useState, type RefObject } from 'react';
import type { FormErrors } from '../api/fieldErrorsOf';

/**
 * The state both account forms keep: the values, the errors by field, whether it is sending, and
 * where focus goes when something is wrong — the first field with a problem, so a screen reader
 * hears it and a phone scrolls to it, else the form's own message.
 */
export function useAccountForm<F extends string>(fields: readonly F[], initial: Record<F, string>) {
  const [values, setValues] = useState<Record<F, string>>(initial);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [isSending, setIsSending] = useState(false);
  // One ref per field, made once: the list of fields is a constant of the page.
  const [refs] = useState(
    () =>
      Object.fromEntries(fields.map((field) => [field, createRef<HTMLInputElement>()])) as Record<
        F,
        RefObject<HTMLInputElement | null>
      >,
  );
  const formError = useRef<HTMLDivElement>(null);

  const change = (field: F) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    // A corrected field loses its message; the others keep theirs until the next try.
    setErrors((current) => {
      if (!current.fields[field]) return current;
      const { [field]: _, ...rest } = current.fields;
      return { ...current, fields: rest };
    });
  };

  const show = (found: FormErrors) => {
    setErrors(found);
    const first = fields.find((field) => found.fields[field]);
    if (first) refs[first].current?.focus();
    else requestAnimationFrame(() => formError.current?.focus());
  };

  /** The props a TextField of `field` needs. */
  const bind = (field: F) => ({
    name: field,
    value: values[field],
    onChange: change(field),
    error: errors.fields[field],
    inputRef: refs[field],
  });

  return { values, errors, isSending, setIsSending, show, bind, formError };
}
