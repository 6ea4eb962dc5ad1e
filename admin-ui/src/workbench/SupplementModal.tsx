import { Alert, Checkbox, Input, Modal, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { CaseFile, SupplementItem } from './caseTypes';
import { formFieldChoices } from './formEntries';

interface Choice {
  key: string;
  label: string;
  item: (reason: string) => SupplementItem;
}

/** Every material of the pinned version and every field of its form, each a possible 补正 item. */
function choicesOf(file: CaseFile): { materials: Choice[]; fields: Choice[] } {
  return {
    materials: (file.document.materials ?? []).map((material) => ({
      key: `material:${material.id}`,
      label: material.name,
      item: (reason) => ({ kind: 'material', materialId: material.id, reason }),
    })),
    fields: formFieldChoices(file.document.form).map((field) => ({
      key: `field:${field.pointer}`,
      label: field.label,
      item: (reason) => ({ kind: 'field', pointer: field.pointer, reason }),
    })),
  };
}

/**
 * 一次性告知补正: the clerk ticks every material and field that is missing or defective and writes
 * why, all in one notice (行政许可法第三十二条). Nothing is sent until every ticked item has its reason.
 */
export function SupplementModal({
  file,
  open,
  isSending,
  onCancel,
  onSubmit,
}: {
  file: CaseFile;
  open: boolean;
  isSending: boolean;
  onCancel: () => void;
  onSubmit: (items: SupplementItem[]) => void;
}) {
  const { materials, fields } = useMemo(() => choicesOf(file), [file]);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [isChecked, setChecked] = useState(false);
  const pickedKeys = Object.keys(picked);
  const missingReason = pickedKeys.filter((key) => !picked[key]?.trim());
  const submit = () => {
    setChecked(true);
    if (pickedKeys.length === 0 || missingReason.length > 0) return;
    const all = [...materials, ...fields];
    onSubmit(all.filter((choice) => choice.key in picked).map((choice) => choice.item((picked[choice.key] ?? '').trim())));
  };
  const group = (title: string, choices: Choice[]) => (
    <fieldset className="supplement-group">
      <legend>{title}</legend>
      {choices.map((choice) => {
        const isPicked = choice.key in picked;
        const isMissing = isChecked && isPicked && !picked[choice.key]?.trim();
        return (
          <div key={choice.key} className="supplement-choice">
            <Checkbox
              checked={isPicked}
              onChange={(event) =>
                setPicked((previous) => {
                  const next = { ...previous };
                  if (event.target.checked) next[choice.key] = '';
                  else delete next[choice.key];
                  return next;
                })
              }
            >
              {choice.label}
            </Checkbox>
            {isPicked && (
              <Input
                aria-label={`${choice.label}的补正理由`}
                placeholder="需要补正的理由，如：缺少盖章页、与原件不符"
                maxLength={500}
                status={isMissing ? 'error' : ''}
                value={picked[choice.key]}
                onChange={(event) => setPicked((previous) => ({ ...previous, [choice.key]: event.target.value }))}
              />
            )}
            {isMissing && <Typography.Text type="danger">请写明理由</Typography.Text>}
          </div>
        );
      })}
    </fieldset>
  );
  return (
    <Modal
      open={open}
      title="一次性告知补正"
      okText={`发出告知（${pickedKeys.length} 项）`}
      okButtonProps={{ loading: isSending }}
      cancelText="取消"
      onCancel={onCancel}
      onOk={submit}
      width={720}
      afterOpenChange={(isOpen) => {
        if (!isOpen) {
          setPicked({});
          setChecked(false);
        }
      }}
    >
      <Space orientation="vertical" size="middle" className="supplement-body">
        <Typography.Paragraph>
          一次告知全部需要补正的材料和表单内容，每项写明理由。
          {file.case.supplementCount > 0 && '本件已告知过补正，再次告知将记录为重复补正。'}
        </Typography.Paragraph>
        {isChecked && pickedKeys.length === 0 && <Alert type="error" showIcon title="请至少选择一项需要补正的内容" />}
        {group('申请材料', materials)}
        {fields.length > 0 && group('申请表字段', fields)}
      </Space>
    </Modal>
  );
}
