import { describe, expect, it } from 'vitest';
import { fieldOfPointer } from './fieldOfPointer';

describe('fieldOfPointer', () => {
  it('finds the field of a pointer into its schema or uiSchema', () => {
    expect(fieldOfPointer('/form/schema/properties/byAgent/pattern')).toBe('byAgent');
    expect(fieldOfPointer('/form/schema/properties/byAgent')).toBe('byAgent');
    expect(fieldOfPointer('/form/uiSchema/a~1b~0c/ui:widget')).toBe('a/b~c');
  });

  it('has none for the form as a whole or other parts of the document', () => {
    expect(fieldOfPointer('/form/uiSchema/ui:order/3')).toBeUndefined();
    expect(fieldOfPointer('/form/schema/required/0')).toBeUndefined();
    expect(fieldOfPointer('/materials/0/condition')).toBeUndefined();
    expect(fieldOfPointer(undefined)).toBeUndefined();
  });
});
