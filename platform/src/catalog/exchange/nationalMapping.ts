import { CURRENT_META_SCHEMA_VERSION } from '@matterflow/schemas';
import { deepMerge, getPath, isPlainObject, setPath, type PlainObject } from './documentPaths';
import {
  enumOptions,
  itemsOf,
  matterSchema,
  nationalNameOf,
  propertiesOf,
  resolveNode,
  type ResolvedNode,
  type SchemaNode,
} from './schemaNodes';
import {
  decodeBoolean,
  decodeEnum,
  decodeEnumList,
  decodeInteger,
  decodeJson,
  decodeString,
  decodeStringList,
  NATIONAL_UNIT_CODES,
  withNationalUnitAliases,
  type Decoded,
} from './valueCodecs';

/**
 * The national exchange record (全国一体化在线政务服务平台 table layout) as a flat-ish object.
 *
 * The mapping is derived from the meta-schema's `x-national` annotations: a property annotated
 * there appears under that name; an unannotated object whose descendants are annotated (实施主体,
 * 办理时限, 收费, 审批结果, 办理渠道, 咨询与监督) is flattened into the record; a duration
 * annotated `anticipate_day` becomes anticipate_day / anticipate_type / anticipate_explain.
 * Encodings: booleans "1"/"0"; code lists comma-joined ("2,3"); 条款号 、-joined; units
 * "1" 工作日 / "2" 自然日 / "3" 月.
 *
 * Everything the national table has no field for (form, window authority, prerequisites, material
 * ids and conditions…) travels under `matterflow_ext` as a partial document, so that our own
 * national export re-imports losslessly; records from other systems simply lack it.
 */
export type NationalRecord = Record<string, unknown>;

export const EXT_KEY = 'matterflow_ext';

/**
 * National names the meta-schema does not annotate (the published table either has no such
 * sub-field or names it inside free text). Keyed by schema location: `$defs/<def>/<prop>` or the
 * document path with `*` for array items.
 */
const SUPPLEMENTARY_NAMES: Readonly<Record<string, string>> = {
  '/materials': 'materials',
  '$defs/legalRef/lawName': 'law_name',
  '$defs/legalRef/docNumber': 'law_doc_no',
  '$defs/legalRef/articles': 'law_article',
  '$defs/legalRef/text': 'law_content',
  '$defs/departmentRef/code': 'dept_code',
  '$defs/departmentRef/name': 'dept_name',
  '$defs/channel/kind': 'way_type',
  '$defs/channel/detail': 'way_detail',
  '$defs/specialProcedure/name': 'special_name',
  '$defs/specialProcedure/kind': 'special_type',
  '$defs/specialProcedure/maxDays': 'limit_day',
  '$defs/specialProcedure/unit': 'limit_type',
  '$defs/specialProcedure/isCounted': 'is_count',
  '$defs/specialProcedure/isFee': 'is_fee',
  '$defs/specialProcedure/basis': 'by_law',
  '/intermediaryServices/*/name': 'service_name',
  '/intermediaryServices/*/typicalDays': 'limit_day',
  '/intermediaryServices/*/basis': 'by_law',
  '/questions/*/question': 'question',
  '/questions/*/answer': 'answer',
};

/**
 * Objects the national table has no field for although their parts look like ones it has (a
 * department reference would otherwise be flattened onto the record's own dept_code): they travel
 * whole in the extension.
 */
const UNMAPPED: ReadonlySet<string> = new Set(['/acceptingBody', '/decidingBody', '/commitment', '/toleratedAcceptance']);

/**
 * Internal to the centre (provenance, research notes): never in a national record, not even in the
 * extension. Our own JSON and xlsx exports are staff files and keep it (docs/exchange.md).
 */
export const INTERNAL_ONLY: readonly string[] = ['privateNote'];

interface Codec {
  encode(value: unknown): unknown;
  decode(raw: unknown): unknown;
}

export interface FieldMap {
  /** Property path inside the object the record describes. */
  path: readonly string[];
  national: string;
  codec: Codec;
  /** Set for nested records (by_law objects, fee_project, materials…). */
  item?: RecordMap;
  isList?: boolean;
}

export interface RecordMap {
  fields: FieldMap[];
  /** Paths (joined with /) of unannotated objects whose fields were lifted into the record. */
  flattened: Set<string>;
}

/** A value we cannot read stays as it is, so that the meta-schema reports it at its pointer. */
function lenient(decode: (raw: unknown) => Decoded): (raw: unknown) => unknown {
  return (raw) => {
    const decoded = decode(raw);
    return decoded.ok ? decoded.value : raw;
  };
}

function scalarCodec(root: SchemaNode, resolved: ResolvedNode, label: string): Codec {
  const identity = (value: unknown) => value;
  switch (resolved.kind) {
    case 'boolean':
      return { encode: (value) => (value === true ? '1' : value === false ? '0' : value), decode: lenient(decodeBoolean) };
    case 'integer':
      return { encode: identity, decode: lenient(decodeInteger) };
    case 'enum': {
      const options = enumOptions(root, resolved);
      return { encode: identity, decode: lenient((raw) => decodeEnum(raw, options, label)) };
    }
    case 'unit': {
      const options = withNationalUnitAliases(enumOptions(root, resolved));
      return {
        encode: (value) => NATIONAL_UNIT_CODES[String(value)] ?? value,
        decode: lenient((raw) => decodeEnum(raw, options, label)),
      };
    }
    case 'enumList': {
      const options = enumOptions(root, resolved);
      return {
        encode: (value) => (Array.isArray(value) ? value.join(',') : value),
        decode: lenient((raw) => decodeEnumList(raw, options, label)),
      };
    }
    case 'stringList':
      return { encode: (value) => (Array.isArray(value) ? value.join('、') : value), decode: lenient(decodeStringList) };
    case 'opaque':
      // handle_flow may arrive as JSON text from systems that store it in a text column.
      return { encode: identity, decode: (raw) => (typeof raw === 'string' ? lenient(decodeJson)(raw) : raw) };
    default:
      return { encode: identity, decode: lenient(decodeString) };
  }
}

function recordCodec(item: RecordMap, isList: boolean): Codec {
  if (!isList) return { encode: (value) => encodeRecord(item, value), decode: (raw) => decodeRecord(item, raw) };
  return {
    encode: (value) => (Array.isArray(value) ? value.map((entry) => encodeRecord(item, entry)) : value),
    decode: (raw) => (Array.isArray(raw) ? raw.map((entry) => decodeRecord(item, entry)) : raw),
  };
}

function buildRecordMap(root: SchemaNode, node: SchemaNode, base: string): RecordMap {
  const map: RecordMap = { fields: [], flattened: new Set() };
  collectFields(root, node, base, [], map);
  const seen = new Set<string>();
  for (const field of map.fields) {
    // Two properties under one national name would silently lose data on the way back.
    if (seen.has(field.national))
      throw new Error(`matter.schema.json: national name ${field.national} used twice in one record (${base})`);
    seen.add(field.national);
  }
  return map;
}

function collectFields(root: SchemaNode, node: SchemaNode, base: string, prefix: readonly string[], map: RecordMap): void {
  for (const [prop, raw] of propertiesOf(node)) {
    const resolved = resolveNode(root, raw);
    const location = `${base}/${prop}`;
    if (UNMAPPED.has(location)) continue;
    const childBase = resolved.defName ? `$defs/${resolved.defName}` : location;
    const national = nationalNameOf(resolved.node) ?? SUPPLEMENTARY_NAMES[location];
    const path = [...prefix, prop];
    const label = typeof resolved.node.title === 'string' ? resolved.node.title : prop;
    if (resolved.kind === 'duration' && national) {
      const stem = national.replace(/_day$/, '');
      map.flattened.add(path.join('/'));
      const value = resolveNode(root, (resolved.node.properties as SchemaNode).value);
      const unit = resolveNode(root, (resolved.node.properties as SchemaNode).unit);
      const explain = resolveNode(root, (resolved.node.properties as SchemaNode).explain);
      map.fields.push(
        { path: [...path, 'value'], national: `${stem}_day`, codec: scalarCodec(root, value, label) },
        { path: [...path, 'unit'], national: `${stem}_type`, codec: scalarCodec(root, unit, `${label}单位`) },
        { path: [...path, 'explain'], national: `${stem}_explain`, codec: scalarCodec(root, explain, `${label}说明`) },
      );
    } else if (resolved.kind === 'object' && !national) {
      const before = map.fields.length;
      collectFields(root, resolved.node, childBase, path, map);
      if (map.fields.length > before) map.flattened.add(path.join('/'));
    } else if (resolved.kind === 'object' && national) {
      const item = buildRecordMap(root, resolved.node, childBase);
      map.fields.push({ path, national, codec: recordCodec(item, false), item });
    } else if (resolved.kind === 'objectList' && national) {
      const items = itemsOf(root, resolved);
      const item = buildRecordMap(root, items.node, items.defName ? `$defs/${items.defName}` : `${location}/*`);
      map.fields.push({ path, national, codec: recordCodec(item, true), item, isList: true });
    } else if (national) {
      map.fields.push({ path, national, codec: scalarCodec(root, resolved, label) });
    }
  }
}

function encodeRecord(map: RecordMap, value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const record: NationalRecord = {};
  for (const field of map.fields) {
    const fieldValue = getPath(value, field.path);
    if (fieldValue !== undefined) record[field.national] = field.codec.encode(fieldValue);
  }
  const ext = residue(map, value, []);
  if (Object.keys(ext).length > 0) record[EXT_KEY] = ext;
  return record;
}

function decodeRecord(map: RecordMap, raw: unknown): unknown {
  if (!isPlainObject(raw)) return raw;
  const document: PlainObject = {};
  for (const field of map.fields) {
    if (!(field.national in raw)) continue;
    const value = field.codec.decode(raw[field.national]);
    if (value !== undefined) setPath(document, field.path, value);
  }
  const ext = raw[EXT_KEY];
  if (isPlainObject(ext)) deepMerge(document, structuredClone(ext));
  return document;
}

/** What the record's fields do not carry; an object present but empty is kept so it survives. */
function residue(map: RecordMap, value: PlainObject, prefix: readonly string[]): PlainObject {
  const mapped = mappedPaths(map);
  const out: PlainObject = {};
  for (const [key, child] of Object.entries(value)) {
    const joined = [...prefix, key].join('/');
    if (mapped.has(joined)) continue;
    if (map.flattened.has(joined) && isPlainObject(child)) {
      const rest = residue(map, child, [...prefix, key]);
      if (Object.keys(rest).length > 0 || Object.keys(child).length === 0) out[key] = rest;
      continue;
    }
    out[key] = child;
  }
  return out;
}

const mappedPathCache = new WeakMap<RecordMap, Set<string>>();
function mappedPaths(map: RecordMap): Set<string> {
  let paths = mappedPathCache.get(map);
  if (!paths) {
    paths = new Set(map.fields.map((field) => field.path.join('/')));
    mappedPathCache.set(map, paths);
  }
  return paths;
}

let topMap: RecordMap | undefined;

/** The mapping for one matter, built once from the meta-schema. */
export function nationalRecordMap(): RecordMap {
  topMap ??= buildRecordMap(matterSchema(), matterSchema(), '');
  return topMap;
}

/** The national field name of a document path (`*` or an index for array items), if it has one. */
export function nationalNameAt(path: readonly string[], map: RecordMap = nationalRecordMap()): string | undefined {
  for (const field of map.fields) {
    if (!field.path.every((segment, i) => path[i] === segment)) continue;
    const rest = path.slice(field.path.length);
    if (rest.length === 0) return field.national;
    if (field.item) return nationalNameAt(field.isList ? rest.slice(1) : rest, field.item);
  }
  return undefined;
}

/**
 * One matter document as a national exchange record; version and status become task_version /
 * task_state. Internal notes (INTERNAL_ONLY) are left out.
 */
export function toNationalRecord({
  document,
  version,
  status,
}: {
  document: unknown;
  version?: number;
  status?: string;
}): NationalRecord {
  const record = encodeRecord(nationalRecordMap(), withoutInternal(document));
  if (!isPlainObject(record)) throw new Error('toNationalRecord expects a matter document object');
  if (version !== undefined) record.task_version = version;
  if (status !== undefined) record.task_state = status;
  return record;
}

function withoutInternal(document: unknown): unknown {
  if (!isPlainObject(document)) return document;
  const copy = { ...document };
  for (const key of INTERNAL_ONLY) delete copy[key];
  return copy;
}

/**
 * The inverse of toNationalRecord. The result is NOT validated: unreadable values are kept as they
 * came so that the meta-schema reports them at their JSON pointer.
 */
export function fromNationalRecord({ record }: { record: unknown }): unknown {
  const document = decodeRecord(nationalRecordMap(), record);
  if (isPlainObject(document) && document.metaSchemaVersion === undefined) {
    return { metaSchemaVersion: CURRENT_META_SCHEMA_VERSION, ...document };
  }
  return document;
}
