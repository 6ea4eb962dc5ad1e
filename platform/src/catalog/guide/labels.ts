import { readFileSync } from 'node:fs';
import { schemasDir } from '../../metaschema';

type Schema = Record<string, any>;

function pairs(schema: Schema | undefined): Record<string, string> {
  const values: unknown[] = schema?.enum ?? [];
  const names: unknown[] = schema?.['x-enumNames'] ?? [];
  return Object.fromEntries(values.map((value, i) => [String(value), String(names[i] ?? value)]));
}

/** Chinese names of code lists, read from the meta-schemas' `x-enumNames` so they are written once. */
function buildLabels(): Record<string, Record<string, string>> {
  const matter = JSON.parse(readFileSync(`${schemasDir}matter.schema.json`, 'utf8')) as Schema;
  const flow = JSON.parse(readFileSync(`${schemasDir}flow.schema.json`, 'utf8')) as Schema;
  const p = matter.properties;
  return {
    taskType: pairs(matter.$defs.taskType),
    serviceObject: pairs(p.serviceObjects.items),
    projectType: pairs(p.projectType),
    handleForm: pairs(p.handleForms.items),
    windowAuthority: pairs(p.windowAuthority),
    onlineDepth: pairs(p.online.properties.depth.items),
    handleArea: pairs(p.online.properties.handleArea),
    level: pairs(p.levels.items),
    powerSource: pairs(p.powerSource),
    'duration.unit': pairs(matter.$defs.duration.properties.unit),
    'specialProcedure.kind': pairs(matter.$defs.specialProcedure.properties.kind),
    'flow.role': pairs(flow.$defs.role),
    'flow.action': pairs(flow.$defs.action),
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
