import {
  asArray,
  asObject,
  asString,
  checkCondition,
  metaSchemas,
  toFieldIssues,
  type FieldIssue,
  type JsonObject,
} from '@matterflow/schemas';
import { isValidUscc } from '../../departments';
import { checkFlow, type Flow } from '../../flows';
import { checkForm } from './checkForm';
import { checkTimeLimits, readTimeLimit } from './checkTimeLimits';

const CODE_PATTERN = /^[0-9A-Z]{18}[0-9A-Z]{1,18}$/;
const CATALOG_CODE_PATTERN = /^[0-9A-Z]{6,12}$/;

/** Pattern errors on these are re-reported as publish.code_malformed, with a message a clerk can act on. */
const CODE_POINTERS: readonly string[] = ['/code', '/catalogCode', '/department/code'];

function isCodePatternIssue(issue: FieldIssue): boolean {
  return issue.code === 'schema.pattern' && CODE_POINTERS.includes(issue.pointer);
}

function checkLegalBasis(document: JsonObject): FieldIssue[] {
  const basis = asArray(document.legalBasis);
  if (!basis || basis.length === 0) {
    return [
      { pointer: '/legalBasis', code: 'publish.legal_basis_missing', message: '缺少设定依据：发布前至少需要一条法律法规依据' },
    ];
  }
  const issues: FieldIssue[] = [];
  basis.forEach((entry, i) => {
    const ref = asObject(entry);
    const articles = asArray(ref?.articles);
    if (articles && articles.length > 0) return;
    const lawName = asString(ref?.lawName) ?? `第 ${i + 1} 条依据`;
    issues.push({
      pointer: `/legalBasis/${i}`,
      code: 'publish.article_missing',
      message: `设定依据“${lawName}”未注明条款号（如“第三十五条”）`,
    });
  });
  return issues;
}

/** 实施编码 = the implementing body's 统一社会信用代码 + its own number (matter-elements.md); 基本编码 per the national catalog. */
function checkCodes({
  document,
  knownDepartments,
}: {
  document: JsonObject;
  knownDepartments: ReadonlySet<string>;
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const departmentCode = asString(asObject(document.department)?.code);
  const code = asString(document.code);
  const catalogCode = asString(document.catalogCode);
  if (code !== undefined && !CODE_PATTERN.test(code)) {
    issues.push({
      pointer: '/code',
      code: 'publish.code_malformed',
      message: `实施编码“${code}”应为实施主体的统一社会信用代码加本级编号，共 19 至 36 位数字或大写字母`,
    });
  } else if (code !== undefined && departmentCode !== undefined && !code.startsWith(departmentCode)) {
    issues.push({
      pointer: '/code',
      code: 'publish.code_malformed',
      message: `实施编码“${code}”应以实施主体的统一社会信用代码“${departmentCode}”开头`,
    });
  }
  if (catalogCode !== undefined && !CATALOG_CODE_PATTERN.test(catalogCode)) {
    issues.push({
      pointer: '/catalogCode',
      code: 'publish.code_malformed',
      message: `基本编码“${catalogCode}”应为 6 至 12 位数字或大写字母`,
    });
  }
  if (departmentCode !== undefined && !isValidUscc(departmentCode)) {
    issues.push({
      pointer: '/department/code',
      code: 'publish.code_malformed',
      message: `实施主体编码“${departmentCode}”不是有效的 18 位统一社会信用代码（字符或校验位不符）`,
    });
  } else if (departmentCode !== undefined && !knownDepartments.has(departmentCode)) {
    // A malformed code is never in the directory; saying so twice would not help the clerk.
    issues.push({
      pointer: '/department/code',
      code: 'publish.department_unknown',
      message: `实施主体“${departmentCode}”不在部门名录中`,
    });
  }
  return issues;
}

function checkMaterialIds(materials: readonly unknown[]): FieldIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: FieldIssue[] = [];
  materials.forEach((entry, i) => {
    const material = asObject(entry);
    const id = asString(material?.id);
    if (id === undefined) return;
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, i);
      return;
    }
    issues.push({
      pointer: `/materials/${i}/id`,
      code: 'publish.material_id_duplicate',
      message: `材料“${asString(material?.name) ?? id}”的标识“${id}”与第 ${first + 1} 项材料重复`,
    });
  });
  return issues;
}

/** 收费必须有依据 (行政许可法 第58条): every fee line names its basis, and a charging matter lists its fees. */
function checkFeeBasis(document: JsonObject): FieldIssue[] {
  const fees = asObject(document.fees);
  if (fees?.isFee !== true) return [];
  const items = asArray(fees.items);
  if (!items || items.length === 0) {
    return [{ pointer: '/fees/items', code: 'publish.fee_basis_missing', message: '事项标明收费，但未列出收费项目及其依据' }];
  }
  const issues: FieldIssue[] = [];
  items.forEach((entry, j) => {
    const item = asObject(entry);
    if (!item || asObject(item.basis)) return;
    issues.push({
      pointer: `/fees/items/${j}/basis`,
      code: 'publish.fee_basis_missing',
      message: `收费项目“${asString(item.name) ?? j + 1}”缺少收费依据`,
    });
  });
  return issues;
}

/**
 * Every reason a matter document cannot be published, all at once, each with a JSON pointer into
 * the document. Meta-schema errors come first; the publish rules then run on every part whose shape
 * allows it, so a clerk sees the whole list in one pass instead of fixing defects one by one.
 */
export function checkPublishable({
  document,
  knownDepartments,
}: {
  document: unknown;
  knownDepartments: ReadonlySet<string>;
}): FieldIssue[] {
  const doc = asObject(document);
  if (!doc) return [{ pointer: '/', code: 'schema.type', message: '事项文档应为对象' }];
  const schemas = metaSchemas();
  const schemaIssues = schemas.matter(doc)
    ? []
    : toFieldIssues(schemas.matter.errors).filter((issue) => !isCodePatternIssue(issue));

  const form = checkForm(doc);
  const { formProperties } = form;
  const conditionIssues: FieldIssue[] = [];
  const materials = asArray(doc.materials) ?? [];
  materials.forEach((entry, i) => {
    const material = asObject(entry);
    if (material?.condition === undefined) return;
    const subject = `材料“${asString(material.name) ?? ''}”（${asString(material.id) ?? i + 1}）`;
    conditionIssues.push(
      ...checkCondition({
        condition: material.condition,
        pointer: `/materials/${i}/condition`,
        subject,
        codePrefix: 'publish',
        formProperties,
      }),
    );
  });
  (asArray(asObject(doc.fees)?.items) ?? []).forEach((entry, j) => {
    const item = asObject(entry);
    if (item?.condition === undefined) return;
    const subject = `收费项目“${asString(item.name) ?? j + 1}”`;
    conditionIssues.push(
      ...checkCondition({
        condition: item.condition,
        pointer: `/fees/items/${j}/condition`,
        subject,
        codePrefix: 'publish',
        formProperties,
      }),
    );
  });

  const flowIssues: FieldIssue[] = [];
  if (doc.flow === undefined) {
    flowIssues.push({ pointer: '/flow', code: 'publish.flow_missing', message: '缺少办理流程' });
  } else if (schemas.flow(doc.flow)) {
    // A flow that fails its schema is already listed among the schema issues; its graph is not safe to walk.
    const specialProcedureNames = new Set(
      (asArray(doc.specialProcedures) ?? []).map((p) => asString(asObject(p)?.name)).filter((name) => name !== undefined),
    );
    flowIssues.push(
      ...checkFlow({
        flow: doc.flow as Flow,
        knownDepartments,
        ownerDepartment: asString(asObject(doc.department)?.code) ?? '',
        promised: readTimeLimit(asObject(doc.timeLimits)?.promised),
        specialProcedureNames,
        formProperties,
      }),
    );
  }

  return [
    ...schemaIssues,
    ...checkLegalBasis(doc),
    ...checkTimeLimits(doc),
    ...form.issues,
    ...conditionIssues,
    ...flowIssues,
    ...checkCodes({ document: doc, knownDepartments }),
    ...checkMaterialIds(materials),
    ...checkFeeBasis(doc),
  ];
}
