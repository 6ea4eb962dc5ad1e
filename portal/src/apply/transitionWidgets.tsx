import { getDefaultRegistry } from '@rjsf/core';
import { ariaDescribedByIds, type RegistryWidgetsType, type Widget, type WidgetProps } from '@rjsf/utils';
import { startTransition, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { submitImplicitly, useFreeTextFormId } from './FreeTextForm';
import { isFreeText } from './isFreeText';

const defaults = getDefaultRegistry().widgets;
const TextWidget = defaults.TextWidget as Widget;
const TextareaWidget = defaults.TextareaWidget as Widget;

/** How long typing may pause before the form takes the new text. */
const SETTLE_MS = 250;

/**
 * A text field that shows each keystroke at once and hands the text to the form once typing
 * pauses, in a React transition. rjsf recomputes and re-renders the whole form on every change (on
 * a 200-field form 50–100 ms a keystroke, bench/formBench.ts), so it must not run per keystroke;
 * in a transition it yields to the next one (rjsf 6 supports changes made in a transition). Leaving
 * the field, Enter (which submits) and leaving the page hand the text over at once.
 */
function useEcho(props: WidgetProps): WidgetProps & { onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void } {
  const { value, onChange, onBlur } = props;
  const [shown, setShown] = useState<unknown>(value);
  const [known, setKnown] = useState<unknown>(value);
  // Values sent and not yet seen back: the form catching up with them must not overwrite newer typing.
  const sent = useRef<unknown[]>([]);
  const pending = useRef<{ value: unknown } | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  if (value !== known) {
    setKnown(value);
    if (!sent.current.includes(value) && !pending.current) setShown(value);
  }
  useEffect(() => {
    if (value === shown) sent.current = [];
  }, [value, shown]);
  const flush = useCallback((isUrgent: boolean) => {
    clearTimeout(timer.current);
    const change = pending.current;
    if (!change) return;
    pending.current = undefined;
    sent.current.push(change.value);
    if (isUrgent) latest.current(change.value);
    else startTransition(() => latest.current(change.value));
  }, []);
  useEffect(() => {
    const onHide = () => flush(true);
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      clearTimeout(timer.current);
    };
  }, [flush]);
  return {
    ...props,
    value: shown,
    onChange: (next: unknown) => {
      setShown(next);
      pending.current = { value: next };
      clearTimeout(timer.current);
      timer.current = setTimeout(() => flush(false), SETTLE_MS);
    },
    onBlur: (id: string, data: unknown) => {
      flush(true);
      onBlur(id, data);
    },
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key !== 'Enter') return;
      flush(true);
      // A free-text line belongs to the empty form (FreeTextForm): Enter submits the application
      // form instead, once the form has taken the text (after this event).
      const field = event.currentTarget;
      const application = field.closest('form');
      if (field.form === application) return;
      event.preventDefault();
      setTimeout(() => submitImplicitly(application), 0);
    },
  };
}

// Only strings: number fields convert what is typed (rjsf's NumberField), and other widgets change in one click.
const isText = (props: WidgetProps) => props.schema.type === 'string';

function EchoTextWidget(props: WidgetProps) {
  const echoed = useEcho(props);
  const freeTextForm = useFreeTextFormId();
  if (!isText(props)) return <TextWidget {...props} />;
  return <TextWidget {...echoed} form={isFreeText(props.schema, false) ? freeTextForm : undefined} />;
}

/** rjsf's TextareaWidget (which passes no other attribute on), in the free-text form. */
function EchoTextareaWidget(props: WidgetProps) {
  const echoed = useEcho(props);
  const freeTextForm = useFreeTextFormId();
  if (!isText(props)) return <TextareaWidget {...props} />;
  const { id, htmlName, value, options, placeholder, required, disabled, readonly, autofocus, onChange, onBlur, onFocus } =
    echoed;
  const text = (next: string) => onChange(next === '' ? options.emptyValue : next);
  return (
    <textarea
      id={id}
      name={htmlName || id}
      className="form-control"
      value={typeof value === 'string' ? value : ''}
      placeholder={placeholder}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      rows={typeof options.rows === 'number' ? options.rows : undefined}
      form={isFreeText(props.schema, true) ? freeTextForm : undefined}
      onChange={(event) => text(event.target.value)}
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
      aria-describedby={ariaDescribedByIds(id)}
    />
  );
}

/** The apply form's text widgets: rjsf's own, handing text to the form when typing pauses. */
export const TRANSITION_WIDGETS: RegistryWidgetsType = { TextWidget: EchoTextWidget, TextareaWidget: EchoTextareaWidget };
