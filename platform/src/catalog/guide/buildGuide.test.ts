import { createAjv } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import { guideSchema } from '../http/guideResponses';
import { buildGuide } from './buildGuide';
import { HOSTILE, PRIVATE_NOTE, internetCafeDocument, versionOf } from './guide.fixture';
import { renderGuideHtml } from './renderGuideHtml';

const guideOf = (mutate: (d: ReturnType<typeof internetCafeDocument>) => void = () => {}) => {
  const document = internetCafeDocument();
  mutate(document);
  return buildGuide(versionOf(document));
};

describe('buildGuide', () => {
  it('matches its response schema', () => {
    const validate = createAjv().compile(guideSchema);
    expect(validate(guideOf()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('prints what a 办事指南 prints: 编码, 行使层级, 权力来源, 受理/决定机关, 结果样本, 网上办理地址', () => {
    const guide = guideOf();
    expect(guide.basicInfo).toMatchObject({
      code: '1143990100601012XX0001220140001',
      catalogCode: '000122014000',
      levels: ['县级'],
      powerSource: '法定本级行使',
      acceptingBody: '云溪县文化旅游广电体育局',
      decidingBody: '云溪县文化旅游广电体育局',
    });
    expect(guide.result.sampleFileId).toBe('sample-3');
    expect(guide.channels.url).toBe('https://zwfw.example.gov.cn/wangba');
    expect(guide.legalBasis.items[0]).toMatchObject({ role: '设定依据', level: '行政法规' });
    expect(guide.acceptance.rules.join('')).toContain('五日内一次告知申请人需要补正的全部内容');
    expect(guide.acceptance.basis).toContain('第三十二条');
  });

  it('fetched materials read 免提交（窗口调取电子证照）; only the exceptions are marked', () => {
    const items = guideOf().materials.items;
    expect(items.find((m) => m.id === 'businessLicence')?.submission).toBe('免提交（窗口调取电子证照）');
    expect(items.find((m) => m.id === 'application')).toMatchObject({ submission: '原件 1份（纸质）', mark: null });
    expect(items.find((m) => m.id === 'plan')?.mark).toBe('非必要');
    expect(items.find((m) => m.id === 'premisesProof')?.mark).toBe('容缺后补');
    // Added by a situation only: not on the base list.
    expect(items.map((m) => m.id)).not.toContain('securityPledge');
  });

  it('the law’s own units; 法律未规定 for an unspecified limit, never 即时办结; 第八十二条 for 行政许可法 periods', () => {
    expect(guideOf().timeLimits).toMatchObject({
      statutory: '20个工作日',
      anchor: '自收到申请之日起计算',
      promised: '12个工作日',
      note: null,
    });
    const days = guideOf((d) => {
      d.timeLimits = { statutory: { value: 20, unit: 'day' }, promised: { value: 10, unit: 'workday' } };
    });
    expect(days.timeLimits.statutory).toBe('20日');
    const licensingLaw = guideOf((d) => {
      d.timeLimits = {
        statutory: {
          value: 20,
          unit: 'workday',
          asWritten: '二十日',
          basis: { lawName: '中华人民共和国行政许可法', articles: ['第四十二条'] },
        },
      };
    });
    expect(licensingLaw.timeLimits.statutory).toBe('二十日');
    expect(licensingLaw.timeLimits.note).toContain('行政许可法》第八十二条');
    const unspecified = guideOf((d) => {
      d.timeLimits = { statutory: { unspecified: true }, promised: { value: 0, unit: 'workday' } };
    });
    expect(unspecified.timeLimits).toMatchObject({ statutory: '法律未规定', isUnspecified: true, promised: '当场办结' });
    expect(JSON.stringify(unspecified.timeLimits)).not.toContain('即时办结');
  });

  it('each situation on its own: its materials, limits, visits and steps', () => {
    const [prep, final] = guideOf().situations;
    expect(prep).toMatchObject({ name: '申请筹建', appliesWhen: '申请阶段：申请筹建', sceneVisitsText: '1次（最多跑一次）' });
    expect(prep?.steps.map((s) => s.name)).toEqual(['筹建受理', '筹建决定']);
    expect(final?.materials.map((m) => m.id)).toEqual(['application', 'businessLicence', 'plan', 'securityPledge']);
    expect(final?.waived).toEqual(['营业场所产权证明']);
    expect(final?.timeLimits.statutory).toBe('15个工作日');
    expect(final).toMatchObject({ sceneVisits: 2, sceneVisitsReason: '实地检查时经营者须在场' });
    expect(final?.steps.map((s) => s.name)).toEqual(['最终审核受理', '实地检查', '最终审核决定']);
    expect(guideOf().procedure.steps.map((s) => s.name)).toEqual(['筹建受理', '筹建决定']);
  });

  it('remedies with their periods; 容缺受理 section', () => {
    const guide = guideOf();
    expect(guide.remedies.reconsideration?.period).toBe('60日');
    expect(guide.remedies.litigation?.period).toBe('6个月');
    expect(guide.toleratedAcceptance).toMatchObject({ materials: ['营业场所产权证明'], deadline: '5个工作日' });
  });

  it('never carries the private note', () => {
    expect(JSON.stringify(guideOf())).not.toContain(PRIVATE_NOTE);
    expect(renderGuideHtml(guideOf())).not.toContain(PRIVATE_NOTE);
  });
});

describe('renderGuideHtml', () => {
  it('is a self-contained Chinese A4 page with headings and captioned tables', () => {
    const html = renderGuideHtml(guideOf());
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<h1>互联网上网服务营业场所设立审批</h1>');
    expect(html).toContain('免提交（窗口调取电子证照）');
    expect(html).toContain('情形2：最终审核');
    expect(html).toContain('<th scope="row">基本编码</th><td>000122014000</td>');
    expect(html).toContain('<a href="https://zwfw.example.gov.cn/wangba">');
    // No scripts, no external resources (the one link is the 网上办理地址, an anchor).
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|base)\b|url\(/i);
    expect(html.match(/href=/g)).toHaveLength(1);
  });

  it('has the structure a screen reader needs: one h1, no skipped heading level, unique ids, headed tables', () => {
    const html = renderGuideHtml(guideOf());
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const labelled of html.matchAll(/aria-labelledby="([^"]+)"/g)) expect(ids).toContain(labelled[1]);
    for (const table of html.match(/<table>.*?<\/table>/gs) ?? []) expect(table).toMatch(/<th scope="(row|col)">/);
  });

  it('escapes hostile document text', () => {
    const html = renderGuideHtml(
      guideOf((d) => {
        d.name = HOSTILE;
        const first = d.materials?.[0];
        if (first) first.name = HOSTILE;
      }),
    );
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;');
  });
});
