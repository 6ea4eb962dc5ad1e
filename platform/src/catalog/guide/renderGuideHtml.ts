import type { Guide, GuideMaterial, GuideSituation } from './buildGuide';
import { escapeHtml as e } from './escapeHtml';
import { GUIDE_CSS } from './guideStyles';
import { lawDuration } from './guideText';

type Row = readonly [label: string, value: string | number | boolean | null | undefined | readonly string[]];

const NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
  '十八',
];

function show(value: Row[1]): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return value.length > 0 ? value.join('、') : undefined;
}

/** A two-column table of label and value; rows without a value are left out. */
function facts(rows: readonly Row[], caption?: string): string {
  const cells = rows.flatMap(([label, value]) => {
    const shown = show(value);
    return shown === undefined ? [] : [`<tr><th scope="row">${e(label)}</th><td>${e(shown)}</td></tr>`];
  });
  if (cells.length === 0) return '';
  return `<table>${caption ? `<caption>${e(caption)}</caption>` : ''}<tbody>${cells.join('')}</tbody></table>`;
}

function table(caption: string, headers: readonly string[], rows: readonly (readonly string[])[], className?: string): string {
  if (rows.length === 0) return '';
  const head = headers.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
  const attribute = className ? ` class="${className}"` : '';
  return `<table${attribute}><caption>${e(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const para = (value: string | null | undefined, className?: string) =>
  value ? `<p${className ? ` class="${className}"` : ''}>${e(value)}</p>` : '';

/** Cell content: escaped lines joined with line breaks. */
const lines = (...values: (string | null | undefined)[]) =>
  values
    .filter((v): v is string => Boolean(v))
    .map(e)
    .join('<br>');

function materialRows(materials: readonly GuideMaterial[]): string[][] {
  return materials.map((m, i) => [
    String(i + 1),
    lines(m.name) + (m.mark ? `<br><span class="mark">（${e(m.mark)}）</span>` : ''),
    lines(m.submission, m.pageFormat ? `纸张规格：${m.pageFormat}` : null),
    lines(
      m.issuedBy ? `${m.source ?? ''}（${m.issuedBy}）` : m.source,
      m.licenceCatalogCode ? `证照目录编码：${m.licenceCatalogCode}` : null,
    ),
    lines(
      m.acceptStandard,
      m.appliesWhen ? `适用情形：${m.appliesWhen}` : null,
      m.fillExplain ? `填报须知：${m.fillExplain}` : null,
      m.blankFormFileId ? `空白表格：提供（文件编号 ${m.blankFormFileId}）` : null,
      m.exampleFileId ? `示例样表：提供（文件编号 ${m.exampleFileId}）` : null,
    ),
    lines(m.basis),
  ]);
}

const MATERIAL_HEADERS = ['序号', '材料名称', '提交要求', '来源渠道', '受理标准及说明', '要求依据'];

function stepsTable(caption: string, steps: Guide['procedure']['steps']): string {
  return table(
    caption,
    ['序号', '办理环节', '办理人员', '环节时限'],
    steps.map((s, i) => [
      String(i + 1),
      lines(s.name, s.parallel?.length ? `并联：${s.parallel.join('、')}` : null),
      lines(s.role),
      lines(s.budgetDays === 0 ? '当场' : lawDuration({ value: s.budgetDays, unit: 'workday' })),
    ]),
  );
}

function limitRows(limits: Guide['timeLimits']): Row[] {
  return [
    ['法定办结时限', limits.statutory],
    ['起算', limits.anchor],
    ['计算方式', limits.note],
    ['延长', limits.extension],
    ['时限依据', limits.basis],
    ['法定时限说明', limits.statutoryExplain],
    ['承诺办结时限', limits.promised],
    ['承诺时限说明', limits.promisedExplain],
  ];
}

function feeSection(fees: Guide['fees'], caption: string): string {
  const rows = fees.items.map((f) => [
    lines(f.name),
    lines(f.standard),
    lines(f.basis),
    lines(f.waiver, f.appliesWhen ? `适用情形：${f.appliesWhen}` : null),
  ]);
  return (
    facts([
      ['是否收费', fees.summary],
      ['是否支持网上支付', fees.isFee ? fees.isPayOnline : null],
    ]) + table(caption, ['收费项目', '收费标准', '收费依据', '减免及说明'], rows)
  );
}

function commitmentSection(c: NonNullable<Guide['commitment']>, heading: string): string {
  return (
    heading +
    facts([
      ['承诺书', c.letter],
      ['适用范围', c.scope],
      ['事后核查', c.verification],
      ['核查期限', c.verificationPeriod],
      ['违反承诺的处理', c.onBreach],
      ['依据', c.basis],
    ])
  );
}

function situationSection(s: GuideSituation, index: number): string {
  const title = `情形${index + 1}：${s.name}`;
  return [
    `<section class="situation" aria-label="${e(title)}"><h3>${e(title)}</h3>`,
    para(s.appliesWhen ? `适用于：${s.appliesWhen}` : null),
    para(s.description),
    table(`${s.name}：申请材料`, MATERIAL_HEADERS, materialRows(s.materials)),
    s.waived.length ? para(`本情形免于提交：${s.waived.join('、')}`) : '',
    facts(
      [
        ...limitRows({ title: '', ...s.timeLimits }),
        ['办件类型', s.projectType],
        ['到办事现场次数', s.sceneVisitsText],
        ['到现场次数说明', s.sceneVisitsReason],
      ],
      `${s.name}：时限与到现场次数`,
    ),
    feeSection({ title: '', ...s.fees }, `${s.name}：收费项目`),
    stepsTable(`${s.name}：办理步骤`, s.steps),
    s.commitment ? commitmentSection(s.commitment, `<p class="mark">本情形适用告知承诺</p>`) : '',
    '</section>',
  ].join('');
}

/**
 * The 办事指南 as one self-contained, printable A4 page (no scripts, no external resources): what a
 * citizen reads at home before the first visit. Every value from the document is escaped; headings
 * and tables are marked up for screen readers.
 */
export function renderGuideHtml(guide: Guide): string {
  const sections: { title: string; body: string }[] = [];
  const add = (title: string, body: string) => {
    if (body) sections.push({ title, body });
  };
  const b = guide.basicInfo;
  add(
    '基本信息',
    facts([
      ['事项名称', guide.name],
      ['事项类型', b.type],
      ['实施编码（事项编码）', b.code],
      ['基本编码', b.catalogCode],
      ['业务办理项编码', b.handleItemCode],
      ['实施主体', b.department],
      ['实施主体性质', b.departmentNature],
      ['委托部门', b.entrustName],
      ['受理机关', b.acceptingBody],
      ['决定机关', b.decidingBody],
      ['转报说明', b.forwarding],
      ['权力来源', b.powerSource],
      ['行使层级', b.levels],
      ['联办机构', b.coDepartments],
    ]),
  );
  const sc = guide.serviceContent;
  add(
    '服务内容',
    para(sc.description) +
      facts([
        ['服务对象', sc.serviceObjects],
        ['办件类型', sc.projectType],
        ['办理形式', sc.handleForms],
        ['窗口权限', sc.windowAuthority],
        ['受理条件', sc.acceptCondition],
        ['数量限制', sc.limitExplain],
      ]),
  );
  add(
    '法律依据',
    table(
      '法律依据',
      ['依据类型', '名称及条款', '效力层级', '条款内容'],
      guide.legalBasis.items.map((i) => [lines(i.role), lines(i.citation), lines(i.level), lines(i.text)]),
      'law-table',
    ),
  );
  add(
    '受理与补正',
    `<ol>${guide.acceptance.rules.map((r) => `<li>${e(r)}</li>`).join('')}</ol>` +
      para(guide.acceptance.basis ? `依据：${guide.acceptance.basis}` : null, 'note'),
  );
  add('申请材料', para(guide.materials.note, 'note') + table('申请材料', MATERIAL_HEADERS, materialRows(guide.materials.items)));
  if (guide.situations.length > 0) {
    const questions = guide.guideQuestions
      .map(
        (q) =>
          `<li>${e(q.title)}：${e(q.options.map((o) => o.title).join(' / '))}${q.help ? `<br><span class="note">${e(q.help)}</span>` : ''}</li>`,
      )
      .join('');
    add(
      '办理情形',
      (questions ? `<p>请先确定您的办理情形：</p><ul>${questions}</ul>` : '') +
        guide.situations.map((s, i) => situationSection(s, i)).join(''),
    );
  }
  const p = guide.procedure;
  add(
    '办事程序',
    para(p.description) +
      stepsTable(guide.situations.length ? '办理步骤（未区分情形时）' : '办理步骤', p.steps) +
      table(
        '特别程序',
        ['名称', '种类', '最长时限', '是否计入办结时限', '说明'],
        p.specialProcedures.map((sp) => [
          lines(sp.name),
          lines(sp.kind),
          lines(sp.maxDays ?? '—'),
          lines(sp.note),
          lines(
            sp.mandatory === true ? '法定必经程序' : sp.mandatory === false ? '依申请或视情进行' : null,
            sp.explain,
            sp.basis,
          ),
        ]),
      ) +
      table(
        '前置事项',
        ['事项名称', '依据'],
        p.prerequisites.map((x) => [lines(x.name), lines(x.basis)]),
      ) +
      table(
        '中介服务',
        ['名称', '一般办理时长', '依据'],
        p.intermediaryServices.map((x) => [
          lines(x.name),
          lines(x.typicalDays === null ? null : `${x.typicalDays}日`),
          lines(x.basis),
        ]),
      ),
  );
  add('办事时限', facts(limitRows(guide.timeLimits)));
  add('收费标准', feeSection(guide.fees, '收费项目'));
  if (guide.commitment) add('告知承诺', commitmentSection(guide.commitment, ''));
  const t = guide.toleratedAcceptance;
  if (t) {
    add(
      '容缺受理',
      facts([
        ['可容缺后补的材料', t.materials],
        ['补交期限', t.deadline],
        ['逾期未补交的处理', t.onMissed],
        ['依据', t.basis],
      ]),
    );
  }
  const r = guide.result;
  add(
    '办事结果',
    facts([
      ['结果名称', r.name],
      ['结果类型', r.type],
      ['结果样本', r.sampleFileId ? `提供（文件编号 ${r.sampleFileId}）` : '暂未提供'],
      ['证照目录编码', r.licenceCatalogCode],
      ['有效期', r.validity],
    ]),
  );
  const c = guide.channels;
  const url = c.url && /^https?:\/\/[^\s]+$/.test(c.url) ? `<p>网上办理地址：<a href="${e(c.url)}">${e(c.url)}</a></p>` : '';
  add(
    '办理渠道',
    url +
      facts([
        ['网上办理深度', c.online],
        ['到办事现场次数', c.sceneVisitsText],
        ['到现场次数说明', c.sceneVisitsReason],
        ['是否进驻政务大厅', c.isEntryCenter],
        ['是否支持物流快递', c.isExpress],
        ['是否支持预约办理', c.isSchedule],
        ['是否支持自助终端办理', c.isServiceTerminals],
        ['通办范围', c.handleArea],
      ]),
  );
  const k = guide.contact;
  add(
    '咨询与监督',
    facts([
      ['办理地点', k.address],
      ['办理时间', k.hours],
      ['咨询方式', k.consult.map((x) => `${x.kind}：${x.detail}`)],
      ['监督投诉方式', k.supervise.map((x) => `${x.kind}：${x.detail}`)],
    ]),
  );
  const remedyRows = (
    [
      ['行政复议', guide.remedies.reconsideration],
      ['行政诉讼', guide.remedies.litigation],
    ] as const
  ).flatMap(([kind, x]) =>
    x ? [[lines(kind), lines(x.body), lines(x.period ? `${x.period}内` : null, x.periodExplain), lines(x.address, x.phone)]] : [],
  );
  add('救济途径', table('救济途径', ['途径', '机关', '申请期限', '地址及电话'], remedyRows));
  add('常见问题', guide.questions.map((q, i) => `<h3>${i + 1}. ${e(q.question)}</h3>${para(q.answer)}`).join(''));

  const subtitle = `办事指南 · 第 ${guide.version} 版${guide.effectiveFrom ? ` · 自 ${guide.effectiveFrom} 起施行` : ''}`;
  const body = sections
    .map((s, i) => {
      const id = `s${i + 1}`;
      return `<section aria-labelledby="${id}"><h2 id="${id}">${NUMERALS[i] ?? i + 1}、${e(s.title)}</h2>${s.body}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(guide.name)} · 办事指南</title>
<style>${GUIDE_CSS}</style>
</head>
<body>
<main>
<h1>${e(guide.name)}</h1>
<p class="subtitle">${e(subtitle)}</p>
${body}
<footer><p>实施编码 ${e(guide.code)}。本指南由事项目录第 ${guide.version} 版生成，以现行有效版本为准。</p></footer>
</main>
</body>
</html>
`;
}
