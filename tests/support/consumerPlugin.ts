import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pluginBundle } from './pluginBundles';
import { foodLicence } from './matterFixtures';

/**
 * The consumer tests' matter and plugin: a 食品经营许可 form with the fields the hooks read, a
 * parallel review whose branches the `route` hook chooses, and one plugin implementing every hook.
 */
const byLaw = { lawName: '中华人民共和国食品安全法', articles: ['第三十五条'], text: '国家对食品生产经营实行许可制度。' };
const review = (id: string, name: string) => ({ id, name, role: 'reviewer', budgetDays: 2, actions: ['approve', 'return'] });

export function consumerMatter({
  department,
  suffix,
  onFailure,
  departmentName = '云溪县市场监督管理局',
}: {
  department: string;
  suffix: string;
  onFailure: 'block' | 'window';
  departmentName?: string;
}) {
  const base = foodLicence({ department, suffix });
  return {
    ...base,
    department: { code: department, name: departmentName, nature: '1' },
    materials: [
      ...base.materials,
      {
        id: 'sitePlan',
        name: '经营场所平面图',
        type: '原件',
        format: '电子',
        necessity: '非必要',
        source: '申请人自备',
        acceptStandard: '标明面积与用途',
        basis: byLaw,
      },
    ],
    form: {
      schema: {
        type: 'object',
        required: ['enterpriseName', 'creditCode'],
        properties: {
          enterpriseName: { type: 'string', title: '经营者名称', maxLength: 100 },
          creditCode: {
            type: 'string',
            title: '统一社会信用代码',
            pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
          },
          operatorIdNumber: { type: 'string', title: '经营者身份证号码', maxLength: 18 },
          premisesType: { type: 'string', title: '场所类型', enum: ['住宅', '非住宅'] },
          certificates: { type: 'integer', title: '证书本数', minimum: 1, maximum: 10 },
          byAgent: { type: 'boolean', title: '委托代理人办理' },
        },
      },
      uiSchema: { 'ui:order': ['enterpriseName', 'creditCode', 'operatorIdNumber', 'premisesType', 'certificates', 'byAgent'] },
    },
    flow: {
      start: 'accept',
      nodes: [
        {
          id: 'accept',
          kind: 'task',
          name: '受理',
          role: 'window',
          budgetDays: 1,
          actions: ['accept', 'reject', 'supplement'],
          next: 'joint',
        },
        {
          id: 'joint',
          kind: 'parallel',
          name: '审查',
          lead: '$owner',
          completion: 'all',
          branches: [
            { id: 'onsite', name: '现场核查', department: '$owner', steps: [review('onsiteCheck', '现场核查')] },
            { id: 'desk', name: '书面审查', department: '$owner', steps: [review('deskReview', '书面审查')] },
          ],
          next: 'decide',
        },
        {
          id: 'decide',
          kind: 'task',
          name: '决定',
          role: 'chief',
          budgetDays: 1,
          actions: ['decide', 'deny', 'return'],
          next: 'end',
        },
      ],
    },
    plugins: [{ id: PLUGIN_ID, major: 1, onFailure }],
  };
}

export const PLUGIN_ID = 'consumer-hooks';
export const THROW_NAME = '抛出异常的企业';

/** Every hook, in plugin source; `marker` tells the versions apart in what onEvent sends. */
function hooksSource({ marker, granted, refused }: { marker: string; granted: string; refused: string }) {
  return `
    computeFees(input) {
      const form = input.form as unknown as Record<string, unknown>;
      const isHome = form.premisesType !== '非住宅';
      const copies = typeof form.certificates === 'number' ? form.certificates : 1;
      const lines = [
        {
          item: isHome ? '登记费（住宅）' : '登记费（非住宅）',
          amountFen: isHome ? 8000 : 55000,
          quantity: 1,
          basis: '发改价格规〔2016〕2559号',
        },
      ];
      if (copies > 1) lines.push({ item: '证书工本费', amountFen: 1000, quantity: copies - 1, basis: '第一本证书免收工本费' });
      return { lines };
    },
    materials(input) {
      const form = input.form as unknown as Record<string, unknown>;
      return form.premisesType === '非住宅' ? { require: [{ materialId: 'sitePlan', reason: '非住宅场所须提交平面图' }] } : { require: [] };
    },
    prefill(input) {
      return {
        formData: { operatorIdNumber: input.applicant.idNumber ?? '' },
        sources: [{ pointer: '/operatorIdNumber', source: '实名认证信息' }],
      };
    },
    route(input) {
      const form = input.form as unknown as Record<string, unknown>;
      const onsite = form.premisesType === '非住宅';
      return { branches: { joint: onsite ? ['onsite'] : ['desk'] }, reason: onsite ? '非住宅须现场核查' : '住宅书面审查即可' };
    },
    async onEvent(input, ctx) {
      await ctx.http.postJson('${granted}/notify', { marker: '${marker}', caseNumber: input.caseNumber, type: input.event.type });
      if (input.event.type === 'case_accepted') await ctx.http.postJson('${refused}/notify', { caseNumber: input.caseNumber });
      return {};
    },`;
}

const VALIDATE = `const form = input.form as unknown as Record<string, unknown>;
      if (form.enterpriseName === '${THROW_NAME}') throw new Error('模拟插件故障');
      const id = typeof form.operatorIdNumber === 'string' ? form.operatorIdNumber : '';
      if (id === '') return { issues: [] };
      const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
      let ok = /^\\d{17}[\\dX]$/.test(id);
      if (ok) {
        let sum = 0;
        for (let i = 0; i < 17; i += 1) sum += Number(id.charAt(i)) * (weights[i] ?? 0);
        ok = '10X98765432'.charAt(sum % 11) === id.charAt(17);
      }
      return ok ? { issues: [] } : { issues: [{ pointer: '/formData/operatorIdNumber', code: 'id_check.id_number', message: '“经营者身份证号码”的校验码不正确' }] };`;

export function consumerBundle({
  version,
  department,
  matters,
  granted,
  refused,
}: {
  version: string;
  department: string;
  matters: string[];
  granted: string;
  refused: string;
}) {
  const described = (description: string) => ({ description });
  return pluginBundle({
    id: PLUGIN_ID,
    version,
    department,
    matters,
    validateBody: VALIDATE,
    extraHooks: hooksSource({ marker: version, granted, refused }),
    extraManifestHooks: {
      computeFees: described('登记费与工本费'),
      materials: described('非住宅场所的平面图'),
      prefill: described('经营者身份证号码'),
      route: described('住宅书面审查，非住宅现场核查'),
      onEvent: described('通知部门系统'),
    },
    capabilities: { log: true, http: [granted, refused] },
  });
}

/** A department system on 127.0.0.1 that records what it is told. */
export async function startNotifyServer(): Promise<{
  origin: string;
  received: Record<string, unknown>[];
  close(): Promise<void>;
}> {
  const received: Record<string, unknown>[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      } catch {
        received.push({ unparsable: true });
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
