import type { MatterDocument } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import type { CaseFile, CaseView } from './caseTypes';
import { availableNotices, buildNotice } from './notices';

const document = {
  name: '食品经营许可',
  materials: [{ id: 'premisesProof', name: '经营场所使用证明' }],
  form: { schema: { type: 'object', properties: { phone: { type: 'string', title: '联系电话' } } } },
  remedies: { reconsideration: { body: '云溪县人民政府' }, litigation: { body: '云溪县人民法院' } },
  result: { name: '食品经营许可证' },
} as unknown as MatterDocument;

const caseView = (over: Partial<CaseView>): CaseView => ({
  number: '11439901006010015W0001310240001202612020007',
  status: 'received',
  statusLabel: '待受理',
  departmentCode: '11439901006010015W',
  receivedOn: '2026-12-02',
  acceptedOn: null,
  acceptanceDue: '2026-12-09',
  revision: 1,
  isGreenChannel: false,
  supplementCount: 0,
  supplement: null,
  clock: null,
  flowStatus: null,
  tasks: [],
  decision: null,
  delivery: null,
  ...over,
});

const fileOf = (over: Partial<CaseView>, events: CaseFile['events'] = []): CaseFile => ({
  case: caseView(over),
  application: {
    number: '11439901006010015W0001310240001202612020007',
    matterCode: '11439901006010015W0001310240001',
    matterName: '食品经营许可',
    version: 1,
    departmentName: '云溪县市场监督管理局',
    submittedAt: '2026-12-02T02:00:00Z',
    receivedOn: '2026-12-02',
    applicant: { name: '李春梅', idNumberMasked: '4399**********1280', phone: '13800138000' },
    filedBy: null,
    materials: [],
    answers: {},
    formData: {},
    promisedLimit: '6 个工作日',
  },
  document,
  events,
  warnings: [],
  today: '2026-12-02',
});

describe('notices from the case', () => {
  it('offers a notice only once its act happened', () => {
    expect(availableNotices(fileOf({}))).toEqual(['receipt']);
    expect(availableNotices(fileOf({ status: 'in_review', acceptedOn: '2026-12-02' }))).toEqual(['receipt', 'acceptance']);
    expect(buildNotice(fileOf({}), 'acceptance', null)).toBeUndefined();
  });

  it('lists each 补正 item by its name with its reason, dated on the Shanghai day it was sent', () => {
    const file = fileOf({ status: 'supplementing' }, [
      {
        at: '2026-12-02T17:30:00Z', // 01:30 on 12-03 in Shanghai
        type: 'case_supplement_requested',
        title: '一次性告知补正',
        actorName: '刘晓燕',
        details: {
          items: [
            { kind: 'material', materialId: 'premisesProof', reason: '未盖章' },
            { kind: 'field', pointer: '/phone', reason: '无法接通' },
          ],
        },
      },
    ]);
    const notice = buildNotice(file, 'supplement', '县市场监管局');
    expect(notice?.date).toBe('2026年12月3日');
    expect(notice?.docNumber).toBe('县市场监管局补字〔2026〕第020007号');
    expect(notice?.table?.rows).toEqual([
      ['1', '材料', '经营场所使用证明', '未盖章'],
      ['2', '表单', '联系电话', '无法接通'],
    ]);
    // "如下：" introduces the table; what to do with it follows it, never comes between.
    expect(notice?.paragraphs.at(-1)).toMatch(/如下：$/);
    expect(notice?.closing?.join('')).toContain('请按上述要求一次补正全部内容');
  });

  it('refuses with where to go and the remedies, naming the bodies of the matter', () => {
    const file = fileOf({ status: 'refused' }, [
      {
        at: '2026-12-02T03:00:00Z',
        type: 'case_refused',
        title: '不予受理',
        actorName: '刘晓燕',
        details: { reasonCode: 'not_competent', reasonLabel: '不属于本机关职权范围', competentBody: '云溪县卫生健康局' },
      },
    ]);
    const notice = buildNotice(file, 'refusal', null);
    expect(notice?.paragraphs.join('')).toContain('请向云溪县卫生健康局提出申请');
    expect(notice?.remedies?.join('')).toMatch(/六十日内向云溪县人民政府申请行政复议.*六个月内向云溪县人民法院提起行政诉讼/);
    expect(notice?.docNumber).toBe('云溪县市场监督管理局不受字〔2026〕第020007号');
  });

  it("prints the 文号 the register issued, the latest of its kind, and a decision's before the chief's number", () => {
    const documents = [
      { kind: 'acceptance' as const, number: '县市监受字〔2026〕3号', issuedOn: '2026-12-02' },
      { kind: 'approval' as const, number: '县市监许字〔2026〕5号', issuedOn: '2026-12-08' },
    ];
    const accepted = fileOf({ status: 'in_review', acceptedOn: '2026-12-02', documents });
    expect(buildNotice(accepted, 'acceptance', '县市场监管局')?.docNumber).toBe('县市监受字〔2026〕3号');
    const decided = fileOf({
      status: 'decided',
      acceptedOn: '2026-12-02',
      documents,
      decision: {
        outcome: 'approved',
        resultName: null,
        resultNumber: 'JY14399010000123',
        documentNumber: '县市监许字〔2026〕5号',
        reason: null,
        remedies: null,
        decidedOn: '2026-12-08',
        decidedBy: '7',
      },
    });
    expect(buildNotice(decided, 'decision', null)?.docNumber).toBe('县市监许字〔2026〕5号');
  });

  it('prints a decision under its own 文号, once the case has one', () => {
    const decided = fileOf({
      status: 'decided',
      acceptedOn: '2026-12-02',
      decision: {
        outcome: 'approved',
        resultName: null,
        resultNumber: 'JY14399010000123',
        reason: null,
        remedies: null,
        decidedOn: '2026-12-08',
        decidedBy: '7',
      },
    });
    expect(availableNotices(decided)).toContain('decision');
    const notice = buildNotice(decided, 'decision', null);
    expect(notice?.title).toBe('准予行政许可决定书');
    expect(notice?.docNumber).toBe('JY14399010000123');
    expect(notice?.paragraphs.join('')).toContain('食品经营许可证');
  });

  it("words a 不予 as the portal does: the register's 文号 from the case's documents, the matter's remedies when it stored none", () => {
    const denial = {
      outcome: 'denied' as const,
      resultName: null,
      resultNumber: null,
      reason: '场所不符合要求',
      remedies: null,
      decidedOn: '2026-12-08',
      decidedBy: '7',
    };
    const documents = [{ kind: 'denial' as const, number: '县市监不许字〔2026〕2号', issuedOn: '2026-12-08' }];
    const registered = buildNotice(fileOf({ status: 'decided', documents, decision: denial }), 'decision', '县市监');
    expect(registered).toMatchObject({
      title: '不予行政许可决定书',
      docNumber: '县市监不许字〔2026〕2号',
      date: '2026年12月8日',
    });
    expect(registered?.paragraphs[0]).toMatch(/^李春梅：\n你（单位）于2026年12月2日.*经审查，场所不符合要求。/);
    expect(registered?.remedies?.join('')).toMatch(/六十日内向云溪县人民政府申请行政复议.*六个月内向云溪县人民法院提起行政诉讼/);
    const older = buildNotice(fileOf({ status: 'decided', decision: denial }), 'decision', '县市监');
    expect(older?.docNumber).toBe('县市监不许字〔2026〕第020007号');
  });
  it('prints the 特别程序告知书 from the latest procedure started, with the notice the clerk wrote', () => {
    const started = {
      at: '2026-12-03T02:00:00Z',
      type: 'case_procedure_started',
      title: '启动特别程序',
      actorName: '审查员',
      details: { procedure: '专家评审', from: '2026-12-03', notice: '因技术复杂，本机关需进行专家评审，预计需要3个工作日。' },
    };
    const file = fileOf({ status: 'in_review', acceptedOn: '2026-12-02' }, [started]);
    expect(availableNotices(file)).toContain('specialProcedure');
    expect(availableNotices(fileOf({ status: 'in_review', acceptedOn: '2026-12-02' }))).not.toContain('specialProcedure');
    const notice = buildNotice(file, 'specialProcedure', '云溪市监');
    expect(notice).toMatchObject({ title: '特别程序告知书', docNumber: '云溪市监特字〔2026〕第020007号', date: '2026年12月3日' });
    expect(notice?.paragraphs.join('')).toContain('需进行专家评审，自2026年12月3日起进行');
    expect(notice?.paragraphs).toContain(started.details.notice);
  });
});
