import type { Material } from '@matterflow/schemas';
import type { FieldIssue } from '../../kernel';

/** Why no file can be given for a material: it is the online form itself, or paper only. */
export function notUploadable(material: Pick<Material, 'name' | 'source'>, pointer: string): FieldIssue {
  return material.source === '在线填报'
    ? { pointer, code: 'material.filled_online', message: `“${material.name}”就是在线填写的申请表，无需上传` }
    : { pointer, code: 'material.paper_only', message: `“${material.name}”须提交纸质件，请到窗口递交` };
}
