import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * A real ClickHouse server on 127.0.0.1 for export tests (Debian's clickhouse-server, which
 * .ci/run installs). Ports are chosen from the test's pid so parallel runs do not collide.
 */
export interface ClickHouse {
  query(sql: string): Promise<string>;
  stop(): Promise<void>;
}

export const CLICKHOUSE_BIN = '/usr/sbin/clickhouse-server';
export const hasClickHouse = existsSync(CLICKHOUSE_BIN);

export async function startClickHouse(dir: string): Promise<ClickHouse> {
  const http = 20000 + (process.pid % 20000);
  const tcp = http + 1;
  for (const sub of ['data', 'tmp', 'user_files', 'format_schemas']) mkdirSync(path.join(dir, sub), { recursive: true });
  const child: ChildProcess = spawn(
    CLICKHOUSE_BIN,
    [
      '--config-file=/etc/clickhouse-server/config.xml',
      '--',
      `--path=${dir}/data/`,
      `--tmp_path=${dir}/tmp/`,
      `--user_files_path=${dir}/user_files/`,
      `--format_schema_path=${dir}/format_schemas/`,
      `--logger.log=${dir}/server.log`,
      `--logger.errorlog=${dir}/server.err.log`,
      `--http_port=${http}`,
      `--tcp_port=${tcp}`,
      '--listen_host=127.0.0.1',
    ],
    { stdio: 'ignore', cwd: dir },
  );
  const base = `http://127.0.0.1:${http}/`;
  const query = async (sql: string) => {
    const res = await fetch(base, { method: 'POST', body: sql });
    const text = await res.text();
    if (!res.ok) throw new Error(`ClickHouse: ${text.slice(0, 500)}`);
    return text;
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await query('SELECT 1');
      break;
    } catch (error) {
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error(`ClickHouse did not start: ${(error as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return {
    query,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
