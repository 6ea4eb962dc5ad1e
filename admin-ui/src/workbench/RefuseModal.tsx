import { Form, Input, Modal, Select } from 'antd';
import { REFUSAL_REASONS, type RefusalReason } from './caseWords';

interface RefuseValues {
  reasonCode: RefusalReason;
  competentBody?: string;
  reasonText?: string;
}

/** A rule: this field must be filled when the chosen reason is `code`. */
const requiredWhen =
  (code: RefusalReason, message: string) =>
  ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_rule: unknown, value: unknown) =>
      getFieldValue('reasonCode') !== code || (typeof value === 'string' && value.trim() !== '')
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  });

/** 不予受理: the reason, the competent body when the matter is not this body's (不推诿), a note. */
export function RefuseModal({
  open,
  isSending,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  isSending: boolean;
  onCancel: () => void;
  onSubmit: (values: RefuseValues) => void;
}) {
  const [form] = Form.useForm<RefuseValues>();
  const reason = Form.useWatch('reasonCode', form);
  return (
    <Modal
      open={open}
      title="不予受理"
      okText="决定不予受理"
      okButtonProps={{ loading: isSending }}
      cancelText="取消"
      onCancel={onCancel}
      // A refused validation is shown at its fields; nothing else is to be done with it.
      onOk={() => void form.validateFields().then(onSubmit, () => undefined)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reasonCode" label="不予受理的理由" rules={[{ required: true, message: '请选择不予受理的理由' }]}>
          <Select placeholder="请选择" options={Object.entries(REFUSAL_REASONS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {/* Always mounted, shown when it applies: the rules read the reason at validation time, so a
            submit that comes before the re-render after choosing the reason is still checked. */}
        <Form.Item
          name="competentBody"
          label="有权受理的机关"
          extra="告知申请人应向哪个机关申请（不推诿）"
          hidden={reason !== 'not_competent'}
          required
          rules={[requiredWhen('not_competent', '不属于本机关职权范围的，须告知有权受理的机关')]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="reasonText"
          label="说明"
          required={reason === 'other'}
          rules={[requiredWhen('other', '其他情形须写明理由')]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
