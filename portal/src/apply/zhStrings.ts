import { englishStringTranslator, replaceStringParameters, TranslatableString } from '@rjsf/utils';

/** rjsf's own words (buttons, labels, empty states) in Chinese; `%1`… are filled by rjsf. */
const ZH: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: '第 %1 项',
  [TranslatableString.MissingItems]: '缺少列表项定义',
  [TranslatableString.EmptyArray]: '尚未添加，请点击下方按钮添加。',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '请修改以下内容',
  [TranslatableString.NewStringDefault]: '新值',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一项',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.ExpandButton]: '展开',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.AriaDateLabel]: '选择日期',
  [TranslatableString.PreviewLabel]: '预览',
  [TranslatableString.DecrementAriaLabel]: '减 1',
  [TranslatableString.IncrementAriaLabel]: '加 1',
  [TranslatableString.OptionalObjectAdd]: '填写此可选项',
  [TranslatableString.OptionalObjectRemove]: '不填此可选项',
  [TranslatableString.OptionalObjectEmptyMsg]: '此可选项未填写',
  [TranslatableString.Type]: '类型',
  [TranslatableString.Value]: '值',
  [TranslatableString.ClearButton]: '清空',
  [TranslatableString.UnknownFieldType]: '无法显示的字段类型 %1',
  [TranslatableString.OptionPrefix]: '选项 %1',
  [TranslatableString.TitleOptionPrefix]: '%1 选项 %2',
  [TranslatableString.KeyLabel]: '%1 名称',
  [TranslatableString.DeprecatedLabel]: '%1（已停用）',
  [TranslatableString.UnsupportedField]: '此字段暂不支持在线填写，请联系窗口。',
  [TranslatableString.UnsupportedFieldWithId]: '字段 %1 暂不支持在线填写，请联系窗口。',
  [TranslatableString.UnsupportedFieldWithReason]: '此字段暂不支持在线填写：%1',
  [TranslatableString.UnsupportedFieldWithIdAndReason]: '字段 %1 暂不支持在线填写：%2',
  [TranslatableString.FilesInfo]: '**%1**（%2，%3 字节）',
};

/** rjsf's `translateString`: Chinese where we have it, rjsf's English otherwise (a new rjsf string). */
export function translateString(key: TranslatableString, params?: string[]): string {
  const zh = ZH[key];
  if (zh === undefined) return englishStringTranslator(key, params);
  return replaceStringParameters(zh, params);
}
