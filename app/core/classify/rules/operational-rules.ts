/**
 * Operational metadata: not personal data and not credentials, but it tells an attacker how the
 * service is built (internal hosts, private addresses, paths, stack traces, SQL, endpoints).
 * Notification assessments cite it as "technical details exposed".
 */
import type { Rule, Validator } from '../rule-types.ts';
import { isVersionLike } from '../validators/pii-network.ts';

const IDENT = '[A-Za-z_][A-Za-z0-9_.$"`]*';

export const operationalRules: Rule[] = [
  {
    id: 'operational.internal-hostname',
    version: 1,
    category: 'operational',
    kind: 'internal_hostname',
    severity: 'medium',
    keywords: ['.internal', '.local', '.corp', '.lan', '.intranet', '.home.arpa'],
    pattern: '(?:^|[^A-Za-z0-9.-])((?i:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:internal|local|corp|lan|intranet|home\\.arpa)))(?:[^A-Za-z0-9_.-]|\\.(?:[^A-Za-z0-9]|$)|$)',
    valueGroup: 1,
    validator: 'operational.hostname',
    confidence: 0.85,
    description: 'Host name in an internal-only zone (*.internal, *.local, *.svc.cluster.local, *.corp).',
    examples: {
      positive: [
        { text: 'upstream connect error to inference-7.gpu-pool.svc.cluster.local:8080', value: 'inference-7.gpu-pool.svc.cluster.local' },
        { text: 'POST http://billing.corp/api/charge', value: 'billing.corp' },
      ],
      negative: ['see the local docs', 'https://www.internal-affairs.gov/', 'file.internal_use'],
    },
  },
  {
    id: 'operational.private-ip',
    version: 1,
    category: 'operational',
    kind: 'private_ip',
    severity: 'low',
    keywords: ['10.', '172.', '192.168.'],
    pattern: '(?:^|[^0-9.])((?:10\\.\\d{1,3}|172\\.(?:1[6-9]|2\\d|3[01])|192\\.168)\\.\\d{1,3}\\.\\d{1,3})(?:[^0-9.]|\\.(?:[^0-9]|$)|$)',
    valueGroup: 1,
    validator: 'operational.private-ip',
    confidence: 0.9,
    description: 'RFC 1918 private IPv4 address (internal network layout).',
    examples: {
      positive: [{ text: 'backend=10.12.0.7:5432 timeout', value: '10.12.0.7' }],
      negative: ['version 10.12.0.7.1 released', 'client ip 172.32.1.1', 'addr 10.300.1.1', 'agent v10.0.0.9 started'],
    },
  },
  {
    id: 'operational.file-path',
    version: 1,
    category: 'operational',
    kind: 'file_path',
    severity: 'low',
    keywords: ['/home/', '/users/', '/var/', '/etc/', '/opt/', '/srv/', '/root/', '/tmp/', '/usr/', ':\\'],
    pattern:
      '(?:^|[^A-Za-z0-9._/:-])((?:/(?:home|Users|var|etc|opt|srv|root|tmp|usr|mnt|data|app)(?:/[A-Za-z0-9._@%+~-]+)+)|(?:[A-Za-z]:\\\\(?i:users|windows|program files|programdata|inetpub)(?:\\\\[^\\s"\'<>|*?\\\\]+)+))',
    valueGroup: 1,
    validator: 'operational.path',
    confidence: 0.8,
    description: 'File-system path on a server or workstation (/home/…, /var/…, C:\\Users\\…).',
    examples: {
      positive: [
        { text: 'open /home/deploy/app/.env failed', value: '/home/deploy/app/.env' },
        { text: 'log at C:\\Users\\alice\\AppData\\Local\\app.log', value: 'C:\\Users\\alice\\AppData\\Local\\app.log' },
      ],
      negative: ['https://example.com/var/page', 'read /home only'],
    },
  },
  {
    id: 'operational.stack-trace.python',
    version: 1,
    category: 'operational',
    kind: 'stack_trace',
    severity: 'low',
    keywords: ['traceback'],
    pattern: '(Traceback \\(most recent call last\\):)\\s*\\n?\\s*File "',
    valueGroup: 1,
    confidence: 0.95,
    description: 'Python traceback.',
    examples: {
      positive: [{ text: 'Traceback (most recent call last):\n  File "/app/main.py", line 3, in <module>\nKeyError: 1' }],
      negative: ['no traceback here'],
    },
  },
  {
    id: 'operational.stack-trace.jvm',
    version: 1,
    category: 'operational',
    kind: 'stack_trace',
    severity: 'low',
    keywords: ['\tat ', '    at ', ' at '],
    pattern: '\\n\\s*(at [A-Za-z_$][A-Za-z0-9_$.]*\\.[A-Za-z_$<>][A-Za-z0-9_$<>]*\\([A-Za-z0-9_$]+\\.(?:java|kt|scala|groovy):\\d+\\))',
    valueGroup: 1,
    confidence: 0.95,
    description: 'Java / Kotlin / Scala stack frame.',
    examples: {
      positive: [{ text: 'java.lang.NullPointerException\n\tat com.acme.api.Handler.run(Handler.java:42)', value: 'at com.acme.api.Handler.run(Handler.java:42)' }],
      negative: ['meet at noon (Handler.java)'],
    },
  },
  {
    id: 'operational.stack-trace.node',
    version: 1,
    category: 'operational',
    kind: 'stack_trace',
    severity: 'low',
    keywords: ['    at ', '\tat '],
    pattern: '\\n\\s*(at (?:[A-Za-z0-9_$.<>\\[\\] ]{1,120} \\()?(?:/|[A-Za-z]:\\\\|file://|node:)[^\\s():]+(?::\\d+){1,2}\\)?)',
    valueGroup: 1,
    confidence: 0.9,
    description: 'Node.js stack frame.',
    examples: {
      positive: [{ text: 'Error: boom\n    at handler (/srv/app/dist/server.js:10:15)', value: 'at handler (/srv/app/dist/server.js:10:15)' }],
      negative: ['she was at home (see page 10:15)'],
    },
  },
  {
    id: 'operational.sql',
    version: 1,
    category: 'operational',
    kind: 'sql_text',
    severity: 'medium',
    keywords: ['select', 'insert', 'update', 'delete', 'create table', 'alter table', 'drop table'],
    // Upper-case SQL is taken as is; lower-case needs a column list and a clause after FROM so
    // that prose ("select the best option from the list") does not count.
    pattern: `\\b(SELECT\\s+[^;]{1,300}?\\s+FROM\\s+${IDENT}|select\\s+(?:\\*|[a-z_][a-z0-9_.]*(?:\\s*,\\s*[a-z_][a-z0-9_.]*)*)\\s+from\\s+${IDENT}\\s+(?:where|limit|join|order\\s+by|group\\s+by)\\b|(?i:insert\\s+into)\\s+${IDENT}\\s*(?:\\(|(?i:values|select))|(?i:update)\\s+${IDENT}\\s+(?i:set)\\s+${IDENT}\\s*=|(?i:delete\\s+from)\\s+${IDENT}\\s+(?i:where)|(?i:(?:create|alter|drop)\\s+table)\\s+(?i:if\\s+(?:not\\s+)?exists\\s+)?${IDENT})`,
    valueGroup: 1,
    valueEdges: {},
    confidence: 0.85,
    description: 'SQL statement text (schema and query shapes of the backend).',
    examples: {
      positive: [
        { text: 'slow query: SELECT id, email FROM users WHERE id = 7', value: 'SELECT id, email FROM users' },
        { text: "exec insert into audit_log (id, msg) values (1, 'x')", value: 'insert into audit_log (' },
      ],
      negative: ['Please select the best option from the list where possible', 'delete from my memory'],
    },
  },
  {
    id: 'operational.api-endpoint',
    version: 1,
    category: 'operational',
    kind: 'api_endpoint',
    severity: 'info',
    keywords: ['/api', '/v1/', '/v2/', '/v3/', '/v4/', '/internal/'],
    pattern: '(?:^|[\\s"\'(=:,])((?:https?://[A-Za-z0-9.-]+(?::\\d+)?)?/(?:api|v\\d{1,2}|internal)(?:/[A-Za-z0-9._~%{}:-]+){1,8})',
    valueGroup: 1,
    confidence: 0.8,
    description: 'Service endpoint path (/api/v1/…, /v1/chat/completions).',
    examples: {
      positive: [{ text: 'POST /v1/chat/completions 200 312ms', value: '/v1/chat/completions' }],
      negative: ['page 1/v1 of the book', 'see /apiary docs'],
    },
  },
];

function octetsValid(ip: string): boolean {
  return ip.split('.').every((o) => Number(o) <= 255 && (o.length === 1 || !o.startsWith('0')));
}

export const operationalValidators: Record<string, Validator> = {
  // `v10.0.0.9` or `build 10.2.0.1` is a version number, not an address (one check for both IP rules).
  'operational.private-ip': (value, ctx) => ({ valid: octetsValid(value) && !isVersionLike(ctx.before + ctx.match.slice(0, Math.max(0, ctx.match.indexOf(value)))) }),
  // DNS caps a name at 253 characters; anything longer is not a host name.
  'operational.hostname': (value) => ({ valid: value.includes('.') && value.length <= 253 }),
  'operational.path': (value) => ({ valid: value.split(/[\\/]/).filter(Boolean).length >= 2 }),
};
