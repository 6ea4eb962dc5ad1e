import type { MatterDocument } from '@matterflow/schemas';
import { schemaAt } from './fieldErrors';

const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * An answer's JSON pointer in the applicant's words: the question, the form field's title or the
 * material's name. A dropped answer may name what only the earlier version had: `documents` are
 * searched in order (the version in force, then the one the draft came from).
 */
export function describePointer(pointer: string, ...documents: (MatterDocument | undefined)[]): string {
  const [head, ...rest] = pointer.split('/').slice(1).map(unescape);
  const first = <T>(find: (document: MatterDocument) => T | undefined): T | undefined => {
    for (const document of documents) {
      const found = document ? find(document) : undefined;
      if (found !== undefined) return found;
    }
    return undefined;
  };
  if (head === 'answers' && rest[0]) {
    const question = first((document) => document.guideQuestions?.find((q) => q.id === rest[0]));
    return question ? `情形问题“${question.title}”的回答` : `情形问题 ${rest[0]} 的回答`;
  }
  if (head === 'formData' && rest.length > 0) {
    const title = first((document) => {
      const field = schemaAt(document.form?.schema, rest);
      return typeof field?.title === 'string' ? field.title : undefined;
    });
    return `申请表“${title ?? rest.join(' / ')}”`;
  }
  if (head === 'materials' && rest[0]) {
    const material = first((document) => document.materials?.find((m) => m.id === rest[0]));
    return `材料“${material?.name ?? rest[0]}”的文件`;
  }
  return pointer;
}
