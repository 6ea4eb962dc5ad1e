import {
  asArray,
  asObject,
  asString,
  checkCondition,
  metaSchemas,
  toFieldIssues,
  type FieldIssue,
  type JsonObject,
  type WorkCalendar,
} from '@matterflow/schemas';
import { checkFlow } from '../../flows';
import {
  checkBasisArticles,
  checkBasisPresent,
  checkCodeFormat,
  checkDepartmentKnown,
  checkFeeBasis,
  isCodePatternIssue,
  matterBasisRefs,
} from '../rules';
import { flowCheckInput } from './checkFlowBudget';
import { checkForm } from './checkForm';
import { checkSituations } from './checkSituations';
import { checkTimeLimits } from './checkTimeLimits';

/** Publishing requires the matter's 设定依据 to exist and to cite its articles. */
function checkLegalBasis(document: JsonObject): FieldIssue[] {
  const missing = checkBasisPresent(document);
  return missing.length > 0 ? missing : checkBasisArticles(matterBasisRefs(document));
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

/**
 * Every reason a matter document cannot be published, all at once, each with a JSON pointer into
 * the document. Meta-schema errors come first; the publish rules then run on every part whose shape
 * allows it, so a clerk sees the whole list in one pass instead of fixing defects one by one.
 */
export function checkPublishable({
  document,
  knownDepartments,
  calendar,
}: {
  document: unknown;
  knownDepartments: ReadonlySet<string>;
  /** The region's working-day calendar: promise against statute, budgets against promise (plain weeks without). */
  calendar?: WorkCalendar;
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
    flowIssues.push(...checkFlow(flowCheckInput(doc, { knownDepartments, formProperties, calendar })));
  }

  return [
    ...schemaIssues,
    ...checkLegalBasis(doc),
    ...checkTimeLimits(doc, calendar),
    ...form.issues,
    ...conditionIssues,
    ...flowIssues,
    ...checkSituations({ document: doc, formProperties }),
    ...checkCodeFormat(doc),
    ...checkDepartmentKnown({ document: doc, knownDepartments }),
    ...checkMaterialIds(materials),
    ...checkFeeBasis(doc),
  ];
}
