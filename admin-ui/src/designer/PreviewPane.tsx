import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';

/** The portal's staff preview of a version: its form and material slots, conditions included. */
export function previewUrl(code: string, version: number): string {
  return `/matters/${encodeURIComponent(code)}/apply?preview=${version}`;
}

/**
 * The live preview: the portal's own page for this version in a frame (same origin, so the staff
 * session carries over), not a second rendering that could drift from what applicants get. It
 * shows what is saved, hence 保存并刷新预览.
 */
export function PreviewPane({ code, version, onSave }: { code: string; version: number; onSave?: () => Promise<boolean> }) {
  const [round, setRound] = useState(0);
  const [isSaving, setSaving] = useState(false);
  const refresh = async () => {
    if (onSave) {
      setSaving(true);
      const isSaved = await onSave().finally(() => setSaving(false));
      if (!isSaved) return;
    }
    setRound((n) => n + 1);
  };
  const url = previewUrl(code, version);
  return (
    <section className="designer-preview" aria-label="申请页预览">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={2} className="designer-heading">
          申请页预览
        </Typography.Title>
        <Flex gap="small" wrap>
          <Button type="primary" loading={isSaving} onClick={() => void refresh()}>
            {onSave ? '保存并刷新预览' : '刷新预览'}
          </Button>
          <Button href={url} target="_blank" rel="noopener">
            在新窗口打开
          </Button>
        </Flex>
      </Flex>
      <Typography.Paragraph className="designer-preview-note">
        预览显示已保存的草稿：修改后请{onSave ? '保存并刷新预览' : '保存草稿，再刷新预览'}。
      </Typography.Paragraph>
      <iframe key={round} className="designer-preview-frame" src={url} title={`申请页预览：${code} 第 ${version} 版`} />
    </section>
  );
}
