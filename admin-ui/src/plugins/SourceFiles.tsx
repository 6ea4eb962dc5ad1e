import { Select, Space, Typography } from 'antd';
import { useState } from 'react';

/**
 * A version's source files, read-only, with line numbers so a type error's file:line can be found.
 * Plain text, not an editor: versions are immutable, and a change is a new upload.
 */
export function SourceFiles({ files }: { files: Record<string, string> }) {
  const paths = Object.keys(files).sort((a, b) => (a === 'plugin.json' ? -1 : b === 'plugin.json' ? 1 : a.localeCompare(b)));
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const path = chosen && paths.includes(chosen) ? chosen : (paths.find((p) => p.endsWith('index.ts')) ?? paths[0]);
  if (!path) return <Typography.Paragraph>该版本没有源文件。</Typography.Paragraph>;
  const lines = (files[path] ?? '').split('\n');
  const width = String(lines.length).length;
  return (
    <Space orientation="vertical" className="plugin-block">
      <Space wrap>
        <label htmlFor="plugin-source-file">文件</label>
        <Select
          id="plugin-source-file"
          value={path}
          onChange={setChosen}
          options={paths.map((p) => ({ value: p, label: p }))}
          popupMatchSelectWidth={false}
          className="plugin-file-select"
        />
        <Typography.Text type="secondary">{lines.length} 行，只读</Typography.Text>
      </Space>
      {/* Scrolls on its own, so it takes the focus (a keyboard user scrolls it) and says what it holds. */}
      <pre className="plugin-source" tabIndex={0} role="region" aria-label={`源文件 ${path}`}>
        {lines.map((line, n) => (
          <span key={n} className="plugin-source-row">
            <span className="plugin-line-number" aria-hidden="true">
              {String(n + 1).padStart(width, ' ')}
            </span>
            {line}
            {'\n'}
          </span>
        ))}
      </pre>
    </Space>
  );
}
