import { Button, Modal, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { defaultChoice, type ConflictField } from './documentConflict';
import { fieldTitle } from './fieldTitle';
import type { Conflict } from './useDraft';

const shown = (value: unknown) =>
  value === undefined ? (
    <Typography.Text type="secondary">（无）</Typography.Text>
  ) : (
    <pre className="editor-conflict-value">{JSON.stringify(value, null, 2)}</pre>
  );

const CHANGED_BY = { them: '他人修改', me: '您修改', both: '双方都修改' } as const;

/**
 * Someone saved the draft after this editor loaded it: each field where their draft and this
 * document differ, side by side, with a choice per field (or all at once). Nothing is saved until
 * the clerk confirms, and each default keeps what the clerk typed.
 */
export function ConflictDialog({
  conflict,
  onResolve,
  onCancel,
}: {
  conflict: Conflict;
  onResolve: (choices: Record<string, 'theirs' | 'mine'>) => void;
  onCancel: () => void;
}) {
  const [choices, setChoices] = useState<Record<string, 'theirs' | 'mine'>>(() =>
    Object.fromEntries(conflict.fields.map((field) => [field.pointer, defaultChoice(field)])),
  );
  const setAll = (side: 'theirs' | 'mine') =>
    setChoices(Object.fromEntries(conflict.fields.map((field) => [field.pointer, side])));
  const who = conflict.current.revision;
  return (
    <Modal
      open
      width={1000}
      title="草稿已被他人修改"
      okText="按所选合并并保存"
      cancelText="暂不处理"
      onOk={() => onResolve(choices)}
      onCancel={onCancel}
    >
      <p>您编辑期间，他人保存了这份草稿（修订号 {who}）。以下字段两边不同，请逐项选择保留哪一边；未列出的字段两边相同。</p>
      <Space className="editor-conflict-all">
        <Button onClick={() => setAll('theirs')}>全部采用他人的修改</Button>
        <Button onClick={() => setAll('mine')}>全部采用您的修改</Button>
      </Space>
      <Table<ConflictField>
        rowKey="pointer"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content', y: 420 }}
        dataSource={conflict.fields}
        columns={[
          {
            key: 'field',
            title: '字段',
            render: (_, field) => (
              <>
                <div>{fieldTitle(field.pointer)}</div>
                <Typography.Text type="secondary" className="editor-pointer">
                  {field.pointer} · {CHANGED_BY[field.changedBy]}
                </Typography.Text>
              </>
            ),
          },
          { key: 'theirs', title: '他人的修改', render: (_, field) => shown(field.theirs) },
          { key: 'mine', title: '您的修改', render: (_, field) => shown(field.mine) },
          {
            key: 'choice',
            title: '保留',
            render: (_, field) => (
              <Radio.Group
                aria-label={`保留哪一边：${fieldTitle(field.pointer)}`}
                value={choices[field.pointer]}
                onChange={(event) => setChoices({ ...choices, [field.pointer]: event.target.value as 'theirs' | 'mine' })}
                options={[
                  { value: 'theirs', label: '他人的' },
                  { value: 'mine', label: '您的' },
                ]}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
