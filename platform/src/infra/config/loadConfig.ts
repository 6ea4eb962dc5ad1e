import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAjv, toFieldIssues } from '@matterflow/schemas';

/**
 * The environment variables the server reads, as one JSON Schema: every value is checked at
 * start-up, all problems are listed at once, and nothing unknown to this schema is read anywhere
 * else. Booleans are `true`/`false` (or 1/0, yes/no); a value that means nothing is refused.
 */
export const configSchema = {
  type: 'object',
  properties: {
    PORT: { type: 'string', pattern: '^\\d{1,5}$', description: 'HTTP 端口，0-65535' },
    HOST: { type: 'string', minLength: 1, maxLength: 255, description: '监听地址' },
    DATA_DIR: { type: 'string', minLength: 1, description: 'PGlite 数据目录，:memory: 为内存库' },
    DATABASE_URL: { type: 'string', pattern: '^postgres(ql)?://', description: 'PostgreSQL 连接串' },
    NODE_ENV: { enum: ['production', 'development', 'test'] },
    MATTERFLOW_DEMO: { type: 'string', pattern: '^(true|false|1|0|yes|no)$', description: '演示模式（演示账户）' },
    LOG_LEVEL: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
    BODY_LIMIT: { type: 'string', pattern: '^\\d+(b|kb|mb)?$', description: 'JSON 请求体上限，如 1mb、512kb' },
    MATTERFLOW_REGION: { type: 'string', pattern: '^\\d{6}$', description: '本中心的行政区划代码' },
    SESSION_MINUTES: { type: 'string', pattern: '^[1-9]\\d{0,4}$', description: '会话空闲超时（分钟，1-99999）' },
    SESSION_MAX_HOURS: { type: 'string', pattern: '^[1-9]\\d{0,3}$', description: '会话绝对时长（小时，1-9999）' },
    TRUST_PROXY: {
      type: 'string',
      minLength: 1,
      maxLength: 500,
      description: '可信反向代理：loopback、IP/CIDR 列表（逗号分隔），或跳数',
    },
    SEED_DIR: { type: 'string', minLength: 1, description: '种子目录（index.json、departments.json、matters/）' },
    CLAMD_SOCKET: {
      type: 'string',
      pattern: '^/',
      maxLength: 107,
      description: 'clamd 的本地套接字（绝对路径）；与 CLAMD_HOST 二选一',
    },
    CLAMD_HOST: {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      description: 'clamd 的 TCP 地址；未配置扫描时上传的文件标为未扫描',
    },
    CLAMD_PORT: { type: 'string', pattern: '^\\d{1,5}$', description: 'clamd 的 TCP 端口（默认 3310）' },
    CLAMD_TIMEOUT_SECONDS: { type: 'string', pattern: '^[1-9]\\d{0,2}$', description: '一次扫描最长等待（秒，默认 30）' },
    PLUGIN_CALLS_PER_MINUTE: {
      type: 'string',
      pattern: '^[1-9]\\d{0,6}$',
      description: '每个部门的插件每分钟最多调用次数（默认 12000）',
    },
    PLUGIN_CPU_MS_PER_MINUTE: {
      type: 'string',
      pattern: '^[1-9]\\d{0,6}$',
      description: '每个部门的插件每分钟最多占用的 CPU 毫秒（默认 30000，即半个核）',
    },
    PLUGIN_SPIN_MICROS: {
      type: 'string',
      pattern: '^\\d{1,4}$',
      description: '插件调用在共享内存上等待的微秒数（0-9999，默认 300；0 为关闭）',
    },
  },
} as const;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  isProduction: boolean;
  /** Demo mode seeds one account per role; never in production. */
  isDemo: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  /** Region (行政区划代码) of this centre; the seed catalog is written for it. */
  region: string;
  /** Sessions idle longer than this many minutes expire. */
  sessionMinutes: number;
  /** No session lives longer than this many minutes. */
  sessionMaxMinutes: number;
  /** express `trust proxy`; false unless TRUST_PROXY names the proxy. */
  trustProxy: boolean | string | string[] | number;
  seedDir: string;
  /** Where clamd listens; undefined: no scanner, files are stored unscanned (staff cannot open them). */
  clamd: ClamdAddress | undefined;
  /** Per department, so one department's plugins cannot starve another's (docs/plugin-sandbox.md). */
  pluginCallsPerMinute: number;
  pluginCpuMsPerMinute: number;
  /** How long the sandbox's threads spin for a warm call or its answer (docs/plugin-sandbox.md). */
  pluginSpinMicros: number;
}

export type ClamdAddress = ({ socket: string } | { host: string; port: number }) & { timeoutMs: number };

export class ConfigError extends Error {}

const defaultSeedDir = fileURLToPath(new URL('../../../../schemas/catalog', import.meta.url));

function bytes(text: string): number {
  const match = /^(\d+)(b|kb|mb)?$/.exec(text) ?? [];
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(match[2] ?? 'b') as 'b' | 'kb' | 'mb'];
  return Number(match[1]) * unit;
}

function trustProxyOf(raw: string | undefined): Config['trustProxy'] {
  if (raw === undefined || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function clamdOf(given: Partial<Record<string, string>>): ClamdAddress | undefined {
  const timeoutMs = Number(given.CLAMD_TIMEOUT_SECONDS ?? 30) * 1000;
  if (given.CLAMD_SOCKET !== undefined) return { socket: given.CLAMD_SOCKET, timeoutMs };
  if (given.CLAMD_HOST !== undefined) return { host: given.CLAMD_HOST, port: Number(given.CLAMD_PORT ?? 3310), timeoutMs };
  return undefined;
}

const isTrue = (raw: string | undefined) => raw !== undefined && ['true', '1', 'yes'].includes(raw);

/** Reads the environment once at start-up; every bad value is named in one ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Unset and empty mean the same: the default.
  const given = Object.fromEntries(
    Object.keys(configSchema.properties)
      .map((key) => [key, env[key]?.trim()])
      .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  ) as Partial<Record<keyof typeof configSchema.properties, string>>;
  const validate = createAjv().compile(configSchema);
  const problems = validate(given)
    ? []
    : toFieldIssues(validate.errors).map(
        (issue) =>
          `${issue.pointer.slice(1)}: ${issue.message}（当前为 "${given[issue.pointer.slice(1) as keyof typeof given] ?? ''}"）`,
      );
  const port = Number(given.PORT ?? 3000);
  if (port > 65535) problems.push(`PORT: 应为 0-65535（当前为 "${given.PORT}"）`);
  const isProduction = given.NODE_ENV === 'production';
  if (isProduction && isTrue(given.MATTERFLOW_DEMO))
    problems.push('MATTERFLOW_DEMO: 生产环境（NODE_ENV=production）不能开启演示账户');
  if (given.CLAMD_SOCKET !== undefined && given.CLAMD_HOST !== undefined)
    problems.push('CLAMD_SOCKET / CLAMD_HOST: 只能配置其中一个');
  if (given.CLAMD_PORT !== undefined && given.CLAMD_HOST === undefined) problems.push('CLAMD_PORT: 需要同时配置 CLAMD_HOST');
  if (Number(given.CLAMD_PORT ?? 3310) > 65535 || given.CLAMD_PORT === '0')
    problems.push(`CLAMD_PORT: 应为 1-65535（当前为 "${given.CLAMD_PORT}"）`);
  if (problems.length > 0) throw new ConfigError(`配置有误 / invalid configuration:\n  ${problems.join('\n  ')}`);

  const isDemo = !isProduction && (given.MATTERFLOW_DEMO === undefined || isTrue(given.MATTERFLOW_DEMO));
  const dataDir = given.DATA_DIR ?? './data';
  return {
    port,
    // Demo accounts have a published password: reachable from this machine only, unless HOST says otherwise.
    host: given.HOST ?? (isDemo ? '127.0.0.1' : '0.0.0.0'),
    dataDir: dataDir === ':memory:' ? dataDir : resolve(dataDir),
    databaseUrl: given.DATABASE_URL,
    isProduction,
    isDemo,
    logLevel: given.LOG_LEVEL ?? (given.NODE_ENV === 'test' ? 'silent' : 'info'),
    bodyLimitBytes: bytes(given.BODY_LIMIT ?? '1mb'),
    region: given.MATTERFLOW_REGION ?? '439901',
    sessionMinutes: Number(given.SESSION_MINUTES ?? 480),
    sessionMaxMinutes: Number(given.SESSION_MAX_HOURS ?? 12) * 60,
    trustProxy: trustProxyOf(given.TRUST_PROXY),
    seedDir: resolve(given.SEED_DIR ?? defaultSeedDir),
    clamd: clamdOf(given),
    pluginCallsPerMinute: Number(given.PLUGIN_CALLS_PER_MINUTE ?? 12_000),
    pluginCpuMsPerMinute: Number(given.PLUGIN_CPU_MS_PER_MINUTE ?? 30_000),
    pluginSpinMicros: Number(given.PLUGIN_SPIN_MICROS ?? 300),
  };
}
