/**
 * Creates a user from the command line, as the system (for the first sysadmin, or when the admin UI
 * is unavailable):
 *
 *   MATTERFLOW_PASSWORD=… npm run user:create -- --username wang_legal --role legal --display-name 王法制
 *   npm run user:create -- --username li_window --role window --display-name 李窗口 --department <USCC> < password.txt
 *
 * The password comes from MATTERFLOW_PASSWORD or stdin, never from an argument: arguments are
 * visible to every user of the machine in the process list and end up in shell history.
 *
 * It opens the same store as the server (DATA_DIR or DATABASE_URL, read the same way). On embedded
 * PGlite only one process may hold the data directory: stop the server first, run this, start the
 * server again; while the server runs, this refuses and names the server's PID (a second process
 * would otherwise write into a copy that is lost). On PostgreSQL both run at the same time.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { loadConfig, openDb } from '../infra';
import { isDomainError, ROLES, systemClock, SYSTEM_ACTOR } from '../kernel';
import { createUser } from '../identity';

const USAGE = `用法 / Usage:
  npm run user:create -- --username <name> --role <role> --display-name <姓名> [--department <统一社会信用代码>]
  密码取自环境变量 MATTERFLOW_PASSWORD，或从标准输入读取 / password from MATTERFLOW_PASSWORD or stdin
  角色 / roles: ${ROLES.join(', ')}
  使用内嵌 PGlite（DATA_DIR）时请先停止服务器；使用 PostgreSQL（DATABASE_URL）时可与服务器同时运行
  With embedded PGlite (DATA_DIR) stop the server first; with PostgreSQL (DATABASE_URL) both can run`;

class CliError extends Error {}

function readArgs(argv: string[]): { username: string; role: string; displayName: string; departmentCode: string | null } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        username: { type: 'string' },
        role: { type: 'string' },
        'display-name': { type: 'string' },
        department: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError(`参数错误 / Bad arguments: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const { username, role } = values;
  const displayName = values['display-name'];
  if (!username || !role || !displayName) {
    throw new CliError(`缺少 --username、--role 或 --display-name / Missing --username, --role or --display-name\n${USAGE}`);
  }
  return { username, role, displayName, departmentCode: values.department ?? null };
}

/** Reads one line from a terminal without echoing it. */
function promptHidden(prompt: string): Promise<string> {
  let isMuted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!isMuted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    isMuted = true;
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.MATTERFLOW_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) return promptHidden('密码 / Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function describeError(error: unknown): string {
  if (isDomainError(error)) {
    const english: Record<string, string> = {
      VALIDATION_FAILED: 'invalid input',
      USER_EXISTS: 'user name already taken',
      DEPARTMENT_NOT_FOUND: 'no such department',
    };
    const issues = Array.isArray(error.details)
      ? (error.details as { pointer: string; message: string }[])
          .map((issue) => `\n  ${issue.pointer}: ${issue.message}`)
          .join('')
      : '';
    return `${error.message} / ${english[error.code] ?? error.code} (${error.code})${issues}`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const password = await readPassword();
  if (!password) throw new CliError('未提供密码 / No password given (MATTERFLOW_PASSWORD or stdin)');
  const config = loadConfig();
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir === ':memory:' ? undefined : config.dataDir,
  });
  try {
    const user = await createUser({ db, clock: systemClock }, { actor: SYSTEM_ACTOR }, { password, ...args });
    const department = user.departmentName ? `，部门 ${user.departmentName}` : '';
    console.log(
      `已创建用户 ${user.username}（${user.displayName}，角色 ${user.role}${department}）/ Created user ${user.username} (id ${user.id})`,
    );
  } finally {
    await db.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(`创建用户失败 / Failed to create user: ${describeError(error)}`);
  process.exitCode = 1;
}
