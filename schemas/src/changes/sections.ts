/** The editor's sections, in the order it shows them; a change line is filed under one of them. */
export const CHANGE_SECTIONS = [
  '基本信息',
  '设定依据',
  '办理情形',
  '申请材料',
  '收费',
  '时限',
  '流程',
  '表单',
  '结果与渠道',
] as const;

export type ChangeSection = (typeof CHANGE_SECTIONS)[number];

const SECTION_OF: Readonly<Record<string, ChangeSection>> = {
  legalBasis: '设定依据',
  guideQuestions: '办理情形',
  situations: '办理情形',
  commitment: '办理情形',
  toleratedAcceptance: '办理情形',
  materials: '申请材料',
  fees: '收费',
  timeLimits: '时限',
  specialProcedures: '时限',
  flow: '流程',
  flowDescription: '流程',
  form: '表单',
  result: '结果与渠道',
  online: '结果与渠道',
  contact: '结果与渠道',
  remedies: '结果与渠道',
  questions: '结果与渠道',
};

/** Identity, scope and everything else the editor shows first (also any field a later schema adds). */
export const sectionOf = (topLevelKey: string): ChangeSection => SECTION_OF[topLevelKey] ?? '基本信息';
