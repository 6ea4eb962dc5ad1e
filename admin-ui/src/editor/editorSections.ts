/** The editor's tabs: each is a set of top-level properties of the matter meta-schema. */
export interface EditorSection {
  key: string;
  title: string;
  properties: readonly string[];
  /** A section with its own editor instead of the generated form. */
  custom?: 'form' | 'flow';
}

/**
 * Every top-level property of schemas/matter.schema.json is in exactly one section (a unit test
 * holds this), so a field issue's pointer always names the tab that shows it.
 */
export const EDITOR_SECTIONS: readonly EditorSection[] = [
  {
    key: 'basic',
    title: '基本信息',
    properties: [
      'metaSchemaVersion',
      'code',
      'catalogCode',
      'handleItemCode',
      'name',
      'type',
      'department',
      'powerSource',
      'levels',
      'coDepartments',
      'serviceObjects',
      'projectType',
      'handleForms',
      'serviceContent',
      'acceptCondition',
      'limitExplain',
      'windowAuthority',
      'publicSafety',
      'acceptingBody',
      'decidingBody',
      'forwarding',
      'themes',
      'prerequisites',
      'intermediaryServices',
      'privateNote',
    ],
  },
  { key: 'basis', title: '设定依据', properties: ['legalBasis'] },
  { key: 'situations', title: '办理情形', properties: ['guideQuestions', 'situations', 'commitment', 'toleratedAcceptance'] },
  { key: 'materials', title: '申请材料', properties: ['materials'] },
  { key: 'fees', title: '收费', properties: ['fees'] },
  { key: 'limits', title: '时限', properties: ['timeLimits', 'specialProcedures'] },
  { key: 'flow', title: '流程', properties: ['flow', 'flowDescription'], custom: 'flow' },
  { key: 'form', title: '表单', properties: ['form'], custom: 'form' },
  { key: 'result', title: '结果与渠道', properties: ['result', 'online', 'contact', 'remedies', 'questions'] },
  { key: 'plugins', title: '部门插件', properties: ['plugins'] },
];

const SECTION_OF = new Map(EDITOR_SECTIONS.flatMap((section) => section.properties.map((name) => [name, section] as const)));

/** The section showing a document pointer (`/materials/2/name` → 申请材料); the first for the root. */
export function sectionOfPointer(pointer: string): EditorSection {
  const top = pointer.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~') ?? '';
  return SECTION_OF.get(top) ?? (EDITOR_SECTIONS[0] as EditorSection);
}
