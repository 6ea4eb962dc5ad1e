import { describe, expect, it } from 'vitest';
import type { FileView } from '../api/intakeApi';
import { describePointer } from './describePointer';
import { slotFileIds, slotFilesOf } from './draftFiles';
import type { MatterDocument } from '@matterflow/schemas';

const file = (id: string, name: string): FileView => ({
  id,
  name,
  size: 10,
  mediaType: 'application/pdf',
  extension: 'pdf',
  sha256: 'x',
  scan: 'clean',
});

describe('slotFilesOf / slotFileIds', () => {
  it('reads files whether the platform sent views or ids, and saves ids only', () => {
    const files = slotFilesOf({
      materials: { articles: [file('a', '章程.pdf')], proof: ['b', 'c'] },
      files: [file('b', '租赁合同.pdf')],
    });
    expect(files.articles?.[0]?.name).toBe('章程.pdf');
    expect(files.proof?.map((f) => f.name)).toEqual(['租赁合同.pdf', '已上传的文件']);
    expect(slotFileIds({ ...files, empty: [] })).toEqual({ articles: ['a'], proof: ['b', 'c'] });
  });
});

describe('describePointer', () => {
  const document = {
    guideQuestions: [{ id: 'stage', title: '您现在申请的是哪个阶段？', options: [] }],
    materials: [{ id: 'articles', name: '企业章程' }],
    form: { schema: { type: 'object', properties: { uscc: { type: 'string', title: '统一社会信用代码' } } } },
  } as unknown as MatterDocument;

  it('says which answer was dropped in the applicant’s words', () => {
    expect(describePointer('/answers/stage', document)).toBe('情形问题“您现在申请的是哪个阶段？”的回答');
    expect(describePointer('/formData/uscc', document)).toBe('申请表“统一社会信用代码”');
    expect(describePointer('/formData/gone', document)).toBe('申请表“gone”');
    expect(describePointer('/materials/articles', document)).toBe('材料“企业章程”的文件');
  });

  it('finds what only the earlier version had', () => {
    const earlier = {
      form: { schema: { type: 'object', properties: { area: { type: 'number', title: '营业面积（平方米）' } } } },
    } as unknown as MatterDocument;
    expect(describePointer('/formData/area', document, earlier)).toBe('申请表“营业面积（平方米）”');
  });
});
