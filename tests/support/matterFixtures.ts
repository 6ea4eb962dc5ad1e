import { readSeedDepartments } from '../../platform/src/departments';
import { SEED_DEPARTMENTS_FILE } from './seedFiles';

export function departmentCode(nameContains: string): string {
  const found = readSeedDepartments(SEED_DEPARTMENTS_FILE).find((d) => d.name.includes(nameContains));
  if (!found) throw new Error(`no seed department named like ${nameContains}`);
  return found.code;
}

/** 云溪县市场监督管理局, the department of the scjg_* demo accounts. */
export const scjgCode = () => departmentCode('市场监督管理局');

const byLaw = (lawName: string, articles: string[], text?: string) => ({ lawName, articles, ...(text ? { text } : {}) });

/**
 * A publishable 食品经营许可 (承诺件, 10 working days statutory, 6 promised) for a department.
 * `suffix` makes the 实施编码 unique per test.
 */
export function foodLicence({ department = scjgCode(), suffix = '0001310240001', name = '食品经营许可' } = {}) {
  const food = byLaw('中华人民共和国食品安全法', ['第三十五条'], '国家对食品生产经营实行许可制度。');
  return {
    metaSchemaVersion: 2,
    code: `${department}${suffix}`,
    catalogCode: '000131024000',
    name,
    type: '01',
    department: { code: department, name: '云溪县市场监督管理局', nature: '1' },
    powerSource: '1',
    levels: ['4'],
    serviceObjects: ['2', '5'],
    projectType: '2',
    handleForms: ['1', '2'],
    windowAuthority: 'intake',
    acceptCondition: '已取得营业执照，有与经营的食品品种、数量相适应的经营场所。',
    legalBasis: [food],
    timeLimits: {
      statutory: { value: 10, unit: 'workday' },
      promised: { value: 6, unit: 'workday', explain: '本县承诺时限' },
    },
    fees: { isFee: false },
    materials: [
      {
        id: 'application',
        name: '食品经营许可申请书',
        type: '原件',
        format: '纸质或电子',
        copies: 1,
        necessity: '必要',
        source: '在线填报',
        acceptStandard: '内容完整，签字盖章',
        basis: food,
      },
      {
        id: 'licence',
        name: '营业执照',
        type: '原件',
        format: '电子',
        necessity: '必要',
        source: '调取电子证照库',
        acceptStandard: '在有效期内',
        basis: food,
      },
      {
        id: 'proxy',
        name: '授权委托书及代理人身份证明',
        type: '原件',
        format: '纸质或电子',
        necessity: '必要',
        source: '申请人自备',
        acceptStandard: '委托事项明确',
        basis: food,
        condition: { properties: { byAgent: { const: true } }, required: ['byAgent'] },
        conditionText: '委托代理人办理的',
      },
    ],
    online: { depth: ['1', '2', '3', '4', '5', '6'], sceneVisits: 0, handleArea: '4' },
    form: {
      schema: {
        type: 'object',
        required: ['enterpriseName', 'creditCode'],
        properties: {
          enterpriseName: { type: 'string', title: '经营者名称', maxLength: 100 },
          creditCode: {
            type: 'string',
            title: '统一社会信用代码',
            pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
          },
          byAgent: { type: 'boolean', title: '委托代理人办理' },
        },
      },
      uiSchema: { 'ui:order': ['enterpriseName', 'creditCode', 'byAgent'] },
    },
    flow: {
      start: 'accept',
      nodes: [
        {
          id: 'accept',
          kind: 'task',
          name: '受理',
          role: 'window',
          budgetDays: 1,
          actions: ['accept', 'reject', 'supplement'],
          next: 'review',
        },
        {
          id: 'review',
          kind: 'task',
          name: '审查',
          role: 'reviewer',
          budgetDays: 4,
          actions: ['approve', 'return'],
          next: 'decide',
        },
        {
          id: 'decide',
          kind: 'task',
          name: '决定',
          role: 'chief',
          budgetDays: 1,
          actions: ['decide', 'deny', 'return'],
          next: 'end',
        },
      ],
    },
  };
}
