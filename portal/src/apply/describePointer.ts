import type { MatterDocument } from '@matterflow/schemas';
import { schemaAt } from './fieldErrors';

const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** An answer's JSON pointer in the applicant's words: the question, the form field's title or the material's name. */
export function describePointer(pointer: string, document: MatterDocument): string {
  const [head, ...rest] = pointer.split('/').slice(1).map(unescape);
  if (head === 'answers' && rest[0]) {
    const question = document.guideQuestions?.find((q) => q.id === rest[0]);
    return question ? `情形问题“${question.title}”的回答` : `情形问题 ${rest[0]} 的回答`;
  }
  if (head === 'formData' && rest.length > 0) {
    const field = schemaAt(document.form?.schema, rest);
    const title = typeof field?.title === 'string' ? field.title : rest.join(' / ');
    return `申请表“${title}”`;
  }
  if (head === 'materials' && rest[0]) {
    const material = document.materials?.find((m) => m.id === rest[0]);
    return `材料“${material?.name ?? rest[0]}”的文件`;
  }
  return pointer;
}
