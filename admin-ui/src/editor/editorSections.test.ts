import { matterMetaSchema } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import { EDITOR_SECTIONS, sectionOfPointer } from './editorSections';

describe('editor sections', () => {
  it('put every top-level property of the meta-schema in exactly one section', () => {
    const properties = Object.keys(matterMetaSchema.properties as Record<string, unknown>);
    const listed = EDITOR_SECTIONS.flatMap((section) => section.properties);
    expect([...listed].sort()).toEqual([...properties].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('name the tab of a pointer, the first tab for the document itself', () => {
    expect(sectionOfPointer('/materials/2/name').title).toBe('申请材料');
    expect(sectionOfPointer('/form/schema/properties/x').key).toBe('form');
    expect(sectionOfPointer('').key).toBe('basic');
    expect(sectionOfPointer('/unknown').key).toBe('basic');
  });
});
