import { describe, expect, it } from 'vitest';
import type { PluginVersionSummary } from './pluginTypes';
import { compareVersions, movesFor, newestFirst } from './versionMoves';

const version = (v: string, state: PluginVersionSummary['state']): PluginVersionSummary => ({
  version: v,
  major: Number(v.split('.')[0]),
  state,
  hooks: ['validate'],
  matters: [],
  requested: { calendar: false, lookup: [], http: [] },
  check: { ok: state !== 'draft', stage: 'examples' },
  uploadedAt: '2026-12-02T08:00:00Z',
  uploadedBy: 'scjg_admin',
  enabledAt: null,
  enabledBy: null,
  disabledAt: null,
  disabledBy: null,
});

describe('moves on plugin versions', () => {
  it('orders versions by number, not by text', () => {
    expect(compareVersions('1.10.0', '1.9.2')).toBeGreaterThan(0);
    expect(compareVersions('2.0.0', '10.0.0')).toBeLessThan(0);
    expect(
      newestFirst([version('1.2.0', 'checked'), version('1.10.0', 'draft'), version('1.9.0', 'enabled')]).map((v) => v.version),
    ).toEqual(['1.10.0', '1.9.0', '1.2.0']);
  });

  it('offers nothing on a draft: its check failed', () => {
    expect(movesFor('id-check', version('1.0.0', 'draft'), [version('1.0.0', 'draft')])).toEqual([]);
  });

  it('names the version that stops serving when another is enabled, and calls an earlier one a rollback', () => {
    const all = [version('1.0.0', 'disabled'), version('1.1.0', 'enabled'), version('1.2.0', 'checked')];
    const [newer] = movesFor('id-check', all[2]!, all);
    expect(newer).toMatchObject({ to: 'enabled', label: '启用' });
    expect(newer!.content).toContain('1.1.0 将停止服务，新的调用改由 1.2.0 处理');
    const [older] = movesFor('id-check', all[0]!, all);
    expect(older).toMatchObject({ to: 'enabled', label: '回滚到此版本', title: '回滚 id-check 到 1.0.0？' });
    expect(older!.content).toContain('1.1.0 将停止服务');
    expect(older!.content).not.toContain('主版本');
  });

  it('warns that matters pinning the old major lose the plugin when the major changes', () => {
    const all = [version('1.1.0', 'enabled'), version('2.0.0', 'checked')];
    const [move] = movesFor('fee', all[1]!, all);
    expect(move!.content).toContain('引用主版本 1 的事项将没有可用版本');
  });

  it('says what disabling the serving version leaves the matters with', () => {
    const all = [version('1.1.0', 'enabled')];
    const [move] = movesFor('fee', all[0]!, all);
    expect(move).toMatchObject({ to: 'disabled', label: '停用' });
    expect(move!.content).toContain('没有启用的版本');
  });

  it('enables the first version without naming a predecessor', () => {
    const all = [version('1.0.0', 'checked')];
    expect(movesFor('fee', all[0]!, all)).toMatchObject([
      { to: 'enabled', label: '启用', content: expect.not.stringContaining('停止服务') },
    ]);
  });
});
