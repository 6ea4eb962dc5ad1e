import { at } from './looseDocument';
import { flowMetaSchema, matterMetaSchema } from './metaSchemas';

function pairs(schema: unknown): Record<string, string> {
  const values = at(schema, 'enum');
  const names = at(schema, 'x-enumNames');
  if (!Array.isArray(values)) return {};
  return Object.fromEntries(
    values.map((value, i) => [String(value), String((Array.isArray(names) ? names[i] : undefined) ?? value)]),
  );
}

/** Chinese names of code lists, read from the meta-schemas' `x-enumNames` so they are written once. */
function buildLabels(): Record<string, Record<string, string>> {
  const matter: unknown = matterMetaSchema;
  const flow: unknown = flowMetaSchema;
  const property = (...path: string[]) => at(matter, 'properties', ...path);
  return {
    taskType: pairs(at(matter, '$defs', 'taskType')),
    serviceObject: pairs(property('serviceObjects', 'items')),
    projectType: pairs(property('projectType')),
    handleForm: pairs(property('handleForms', 'items')),
    windowAuthority: pairs(property('windowAuthority')),
    onlineDepth: pairs(property('online', 'properties', 'depth', 'items')),
    handleArea: pairs(property('online', 'properties', 'handleArea')),
    level: pairs(property('levels', 'items')),
    powerSource: pairs(property('powerSource')),
    departmentNature: pairs(property('department', 'properties', 'nature')),
    lawLevel: pairs(at(matter, '$defs', 'lawLevel')),
    legalRole: pairs(at(matter, '$defs', 'legalRef', 'properties', 'role')),
    limitAnchor: pairs(at(matter, '$defs', 'statutoryLimit', 'properties', 'anchor')),
    'duration.unit': pairs(at(matter, '$defs', 'duration', 'properties', 'unit')),
    'specialProcedure.kind': pairs(at(matter, '$defs', 'specialProcedure', 'properties', 'kind')),
    'flow.role': pairs(at(flow, '$defs', 'role')),
    'flow.action': pairs(at(flow, '$defs', 'action')),
  };
}

let labels: Record<string, Record<string, string>> | undefined;

export function labelOf(list: string, value: string): string {
  labels ??= buildLabels();
  return labels[list]?.[value] ?? value;
}

export function codeList(list: string): Record<string, string> {
  labels ??= buildLabels();
  return labels[list] ?? {};
}
