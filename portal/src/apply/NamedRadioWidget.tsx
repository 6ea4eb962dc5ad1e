import { getDefaultRegistry } from '@rjsf/core';
import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useRef } from 'react';

const { RadioWidget } = getDefaultRegistry().widgets;

/**
 * rjsf's radio buttons, with their group named by the field's title. rjsf points the field's
 * label at the group's `div` (role radiogroup), which a label cannot name, so a screen reader
 * announced the choices without the question; the group now carries `aria-label`.
 */
export function NamedRadioWidget(props: WidgetProps) {
  const wrapper = useRef<HTMLDivElement>(null);
  const name = typeof props.label === 'string' && props.label !== '' ? props.label : undefined;
  useEffect(() => {
    const group = wrapper.current?.querySelector('[role="radiogroup"]');
    if (group && name) group.setAttribute('aria-label', name);
  }, [name]);
  if (!RadioWidget) return null;
  return (
    <div ref={wrapper} className="radio-widget">
      <RadioWidget {...props} />
    </div>
  );
}
