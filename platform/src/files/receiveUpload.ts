import busboy from 'busboy';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fail, isDomainError, type StreamBody } from '../kernel';

/**
 * What an upload is for: a material of an open draft, or of a submitted application (a 补正
 * answer), or the result of a decided case (the licence the staff hand over; no material).
 */
export type UploadPurpose =
  | { draftId: string; applicationNumber?: undefined; caseNumber?: undefined; materialId: string }
  | { applicationNumber: string; draftId?: undefined; caseNumber?: undefined; materialId: string }
  | { caseNumber: string; draftId?: undefined; applicationNumber?: undefined; materialId?: undefined };

type PurposeField = 'draftId' | 'applicationNumber' | 'caseNumber' | 'materialId';
const NUMBER = /^[0-9A-Z]{19,36}[0-9]{12}$/;
const FIELD_PATTERNS: Record<PurposeField, RegExp> = {
  draftId: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  applicationNumber: NUMBER,
  caseNumber: NUMBER,
  materialId: /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/,
};
const isFieldName = (name: string): name is PurposeField => Object.hasOwn(FIELD_PATTERNS, name);

const invalid = (reason: string) => fail('UPLOAD_INVALID', { reason });

/**
 * The text fields (draftId or applicationNumber, then materialId; or caseNumber alone), or
 * UPLOAD_INVALID naming what is wrong.
 */
function purposeOf(fields: Partial<Record<PurposeField, string>>): UploadPurpose {
  if (fields.caseNumber !== undefined) {
    if (Object.keys(fields).length > 1) throw invalid('caseNumber 只能单独给出');
    if (!FIELD_PATTERNS.caseNumber.test(fields.caseNumber)) throw invalid('caseNumber 格式不正确');
    return { caseNumber: fields.caseNumber };
  }
  const owner = fields.applicationNumber === undefined ? 'draftId' : 'applicationNumber';
  if (owner === 'applicationNumber' && fields.draftId !== undefined) throw invalid('draftId 与 applicationNumber 只能给出一个');
  for (const name of [owner, 'materialId'] as const) {
    const value = fields[name];
    if (value === undefined) throw invalid(`${name} 应在文件之前给出`);
    if (!FIELD_PATTERNS[name].test(value)) throw invalid(`${name} 格式不正确`);
  }
  return fields as UploadPurpose;
}

/**
 * Reads a multipart upload: the fields `draftId` (or `applicationNumber`) and `materialId` (or
 * `caseNumber` alone), then exactly one part `file`. The fields come first so the limits for the
 * file (whose draft, which material) are known before its first byte is read; `onFile` then consumes the file stream (to disk, never to memory). The
 * whole form is read to its end before anything is accepted, so a second file, an unknown field
 * or a broken ending refuses the upload; what `onFile` staged is then handed to `discard`.
 */
export async function receiveUpload<T>(
  body: StreamBody,
  onFile: (purpose: UploadPurpose, file: { name: string; stream: Readable }) => Promise<T>,
  discard: (staged: T) => Promise<void>,
): Promise<T> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: body.headers,
      // Browsers send UTF-8 names without saying so; busboy would read them as latin1.
      defParamCharset: 'utf8',
      limits: { files: 1, fields: 2, parts: 4, fieldNameSize: 32, fieldSize: 256, headerPairs: 8 },
    });
  } catch {
    throw invalid('不是 multipart/form-data，或缺少 boundary');
  }
  const fields: Partial<Record<PurposeField, string>> = {};
  let problem: string | undefined;
  let staged: Promise<T> | undefined;
  parser.on('field', (name, value, info) => {
    if (staged) problem ??= '文本字段应在文件之前';
    else if (!isFieldName(name) || name in fields) problem ??= `不接受的字段 ${name.slice(0, 32)}`;
    else if (info.nameTruncated || info.valueTruncated) problem ??= `字段 ${name} 过长`;
    else fields[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    if (name !== 'file' || staged || problem) {
      problem ??= name === 'file' ? '只能上传一个文件' : `不接受的文件字段 ${name.slice(0, 32)}`;
      stream.resume();
      return;
    }
    staged = (async () => onFile(purposeOf(fields), { name: info.filename ?? '', stream }))();
    // A refusal mid-file (too large, not the caller's draft) stops the whole form there.
    staged.catch((error: unknown) => parser.destroy(error as Error));
  });
  parser.on('filesLimit', () => (problem ??= '只能上传一个文件'));
  parser.on('fieldsLimit', () => (problem ??= '字段过多'));
  parser.on('partsLimit', () => (problem ??= '字段过多'));
  try {
    await pipeline(body.stream, parser);
  } catch (error) {
    if (staged) {
      // The file's own refusal (or a disk error) is the answer; else the form broke after the file.
      const outcome = await staged.then(
        (result) => ({ result }),
        (reason: unknown) => ({ reason }),
      );
      if ('reason' in outcome) throw outcome.reason;
      await discard(outcome.result);
    }
    if (isDomainError(error)) throw error;
    throw invalid('multipart 格式错误');
  }
  if (!staged) throw invalid(problem ?? '缺少文件');
  const result = await staged;
  if (problem) {
    await discard(result);
    throw invalid(problem);
  }
  return result;
}
