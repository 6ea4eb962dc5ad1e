import { enumOptions, propertiesOf, resolveNode, type ResolvedNode, type SchemaNode } from './schemaNodes';
import {
  decodeBoolean,
  decodeEnum,
  decodeEnumList,
  decodeInteger,
  decodeJson,
  decodeString,
  decodeStringList,
  withNationalUnitAliases,
  type Decoded,
} from './valueCodecs';

/** What a spreadsheet cell holds once rich text, hyperlinks and formulas are unwrapped. */
export type CellScalar = string | number | boolean;

/** Turns a document value into a cell and back. Cells show Chinese names; reading accepts codes too. */
export interface CellCodec {
  write(value: unknown): CellScalar | undefined;
  read(raw: CellScalar): Decoded;
  /** Lists and objects: an empty one leaves the cell blank, so the 结构标记 column keeps it. */
  isContainer?: boolean;
}

const text = (value: unknown): CellScalar | undefined =>
  typeof value === 'string' || typeof value === 'number' ? value : undefined;

export const jsonCodec: CellCodec = {
  write: (value) => (value === undefined ? undefined : JSON.stringify(value)),
  read: (raw) => decodeJson(raw),
};

/** 咨询方式 / 监督投诉方式: one "方式：详情" per line, which window staff can edit in Excel. */
function channelCodec(kinds: readonly string[]): CellCodec {
  return {
    isContainer: true,
    write(value) {
      if (!Array.isArray(value) || value.length === 0) return undefined;
      const isSimple = value.every(
        (entry: { kind?: unknown; detail?: unknown }) =>
          typeof entry.kind === 'string' && typeof entry.detail === 'string' && !/[\r\n]/.test(entry.detail),
      );
      // A detail with a line break cannot be told apart from two channels, so keep it exact as JSON.
      return isSimple
        ? value.map((entry: { kind: string; detail: string }) => `${entry.kind}：${entry.detail}`).join('\n')
        : JSON.stringify(value);
    },
    read(raw) {
      const source = String(raw).trim();
      if (source.startsWith('[')) return decodeJson(source);
      const channels: { kind: string; detail: string }[] = [];
      for (const line of source.split(/\r?\n/)) {
        if (line.trim() === '') continue;
        const match = /^\s*([^：:]+?)\s*[：:](.*)$/.exec(line);
        if (!match?.[1] || !kinds.includes(match[1])) {
          return { ok: false, message: `“${line}”应写成“方式：详情”，方式可选：${kinds.join('、')}` };
        }
        channels.push({ kind: match[1], detail: (match[2] ?? '').trim() });
      }
      return { ok: true, value: channels };
    },
  };
}

/**
 * A list of two-text items (情形引导问题的选项: value and title) as one "值：文字" per line, like the
 * channels; anything a line could not say unambiguously (a colon in the first, a line break) keeps
 * the cell exact as JSON, which reading also accepts.
 */
function pairLinesCodec([first, second]: readonly [string, string]): CellCodec {
  return {
    isContainer: true,
    write(value) {
      if (!Array.isArray(value) || value.length === 0) return undefined;
      const isSimple = value.every(
        (entry: Record<string, unknown> | null) =>
          typeof entry === 'object' &&
          entry !== null &&
          Object.keys(entry).length === 2 &&
          typeof entry[first] === 'string' &&
          typeof entry[second] === 'string' &&
          entry[first] !== '' &&
          isLineSafe(entry[first], /[：:\r\n]/) &&
          isLineSafe(entry[second], /[\r\n]/),
      );
      return isSimple
        ? value.map((entry: Record<string, string>) => `${entry[first]}：${entry[second]}`).join('\n')
        : JSON.stringify(value);
    },
    read(raw) {
      const source = String(raw).trim();
      if (source.startsWith('[')) return decodeJson(source);
      const items: Record<string, string>[] = [];
      for (const line of source.split(/\r?\n/)) {
        if (line.trim() === '') continue;
        const match = /^\s*([^：:]+?)\s*[：:](.*)$/.exec(line);
        if (!match?.[1]) return { ok: false, message: `“${line}”应写成“值：文字”，每行一项` };
        items.push({ [first]: match[1], [second]: (match[2] ?? '').trim() });
      }
      return { ok: true, value: items };
    },
  };
}

/** A line is read back trimmed, so only text without surrounding space survives it unchanged. */
function isLineSafe(text: string, forbidden: RegExp): boolean {
  return text === text.trim() && !forbidden.test(text);
}

/** The two property names of an item made of exactly two required texts, if it is one. */
function textPair(root: SchemaNode, items: ResolvedNode | undefined): [string, string] | undefined {
  if (!items) return undefined;
  const props = propertiesOf(items.node);
  const required = Array.isArray(items.node.required) ? items.node.required : [];
  if (props.length !== 2 || !props.every(([name, raw]) => resolveNode(root, raw).kind === 'string' && required.includes(name)))
    return undefined;
  return [props[0]![0], props[1]![0]];
}

export function cellCodecFor(root: SchemaNode, resolved: ResolvedNode, label: string, itemsResolved?: ResolvedNode): CellCodec {
  switch (resolved.kind) {
    case 'boolean':
      return { write: (value) => (value === true ? '是' : value === false ? '否' : undefined), read: decodeBoolean };
    case 'integer':
      return { write: text, read: decodeInteger };
    case 'enum':
    case 'unit': {
      const base = enumOptions(root, resolved);
      const options = resolved.kind === 'unit' ? withNationalUnitAliases(base) : base;
      return {
        write: (value) => options.find((option) => option.code === value)?.name ?? text(value),
        read: (raw) => decodeEnum(raw, options, label),
      };
    }
    case 'enumList': {
      const options = enumOptions(root, resolved);
      return {
        isContainer: true,
        write: (value) =>
          Array.isArray(value) && value.length > 0
            ? value.map((code) => options.find((option) => option.code === code)?.name ?? String(code)).join('、')
            : undefined,
        read: (raw) => decodeEnumList(raw, options, label),
      };
    }
    case 'stringList':
      return {
        isContainer: true,
        write: (value) => (Array.isArray(value) && value.length > 0 ? value.join('、') : undefined),
        read: decodeStringList,
      };
    case 'objectList': {
      const kinds =
        itemsResolved?.defName === 'channel'
          ? enumOptions(root, {
              ...itemsResolved,
              kind: 'enum',
              node: (itemsResolved.node.properties as SchemaNode).kind as SchemaNode,
            })
          : undefined;
      if (kinds) return channelCodec(kinds.map((option) => option.code));
      const pair = textPair(root, itemsResolved);
      return pair ? pairLinesCodec(pair) : { ...jsonCodec, isContainer: true };
    }
    case 'opaque':
      return jsonCodec;
    default:
      return { write: text, read: decodeString };
  }
}
