import path from 'node:path';
import { createCoreService } from '../core/service.ts';

/**
 * Entry of the utility process that runs the core: DuckDB and every parser of hostile files
 * live here, away from the main process, so a native crash cannot take the window down.
 * Messages: {id, channel, input} in, {id, result} out; events as {event, payload}.
 */

interface Request {
  id: number;
  channel: string;
  input: unknown;
}

const parentPort = process.parentPort;
const dataDir = process.env['BREACHSCOPE_DATA_DIR'] ?? path.join(process.cwd(), 'BreachScope');
const service = createCoreService({
  caseRoot: process.env['BREACHSCOPE_CASE_ROOT'] ?? path.join(dataDir, 'cases'),
  stateDir: path.join(dataDir, 'state'),
  mode: 'desktop',
});

service.subscribe((event, payload) => parentPort.postMessage({ event, payload }));

parentPort.on('message', (message: { data: Request }) => {
  const { id, channel, input } = message.data;
  void service.call(channel, input).then((result) => parentPort.postMessage({ id, result }));
});
