/**
 * Secrets recognised by structure rather than by a vendor prefix: JWTs, private-key blocks,
 * credentials inside URLs, HTTP authorization headers and generic key/value assignments.
 */
import { expandSet, type Rule, type Severity } from '../rule-types.ts';
import { sampleValue, run, ALNUM, ASSIGN, BASE64, URL_SAFE, LEFT, LEFT_KEPT } from './secret-rule-builder.ts';

// Example JWT: header {"alg":"HS256","typ":"JWT"}, payload {"sub":"1234567890","scope":"read"}.
const jwtExample = [
  Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'),
  Buffer.from('{"sub":"1234567890","scope":"read","iat":1700000000}').toString('base64url'),
  sampleValue([run(URL_SAFE, 43)], 'jwt-sig'),
].join('.');
const notJwt = [Buffer.from('{"kind":"note"}').toString('base64url'), 'eyJzdWIiOiIxIn0', sampleValue([run(URL_SAFE, 43)], 'jwt-sig2')].join('.');
const keyBody = sampleValue([run(BASE64, 64)], 'pem-1') + '\n' + sampleValue([run(BASE64, 64)], 'pem-2') + '\n' + sampleValue([run(BASE64, 20)], 'pem-3');
const strongPassword = sampleValue([run(ALNUM, 14)], 'db-pass') + '!9';
const apiValue = sampleValue([run(ALNUM, 32)], 'generic-api');

const PEM_TYPES = '(?:RSA |EC |DSA |ENCRYPTED )?';

/**
 * "My key / my password" in the eight chat languages: possessives and credential nouns per
 * language. The rule's keywords are the pairs (`minha chave`, `ma clé`), rare in logs; the nouns
 * alone (`key`, `token`) are in half of an AI service's log lines.
 */
const OWN_CREDENTIAL: Array<{ possessives: string[]; nouns: string[] }> = [
  { possessives: ['my'], nouns: ['key', 'api key', 'access key', 'secret key', 'private key', 'password', 'passphrase', 'passcode', 'token', 'api token', 'access token', 'secret'] },
  { possessives: ['mein', 'meine', 'meinem', 'meinen', 'meiner'], nouns: ['schlüssel', 'api-schlüssel', 'api key', 'key', 'passwort', 'kennwort', 'token'] },
  { possessives: ['ma', 'mon'], nouns: ['clé', 'cle', 'mot de passe', 'key', 'token'] },
  { possessives: ['mi'], nouns: ['clave', 'contraseña', 'key', 'token'] },
  { possessives: ['mia', 'mio'], nouns: ['chiave', 'password', 'key', 'token'] },
  { possessives: ['mijn'], nouns: ['sleutel', 'wachtwoord', 'key', 'token'] },
  { possessives: ['mój', 'moja', 'moje', 'moim', 'moją'], nouns: ['klucz', 'hasło', 'haslo', 'token'] },
  { possessives: ['minha', 'meu'], nouns: ['chave', 'senha', 'key', 'token'] },
];
const OWN_POSSESSIVES = [...new Set(OWN_CREDENTIAL.flatMap((l) => l.possessives))];
const OWN_NOUNS = [...new Set(OWN_CREDENTIAL.flatMap((l) => l.nouns))].sort((a, b) => b.length - a.length);
const OWN_KEYWORDS = [...new Set(OWN_CREDENTIAL.flatMap((l) => l.possessives.flatMap((p) => l.nouns.map((n) => `${p} ${n}`))))];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function privateKeyRule(id: string, kind: string, provider: string, begin: string, end: string, label: string, description: string): Rule {
  const block = `-----BEGIN ${label}-----\n${keyBody}\n-----END ${label}-----`;
  return {
    id,
    version: 1,
    category: 'secret',
    kind,
    provider,
    severity: 'critical',
    keywords: ['private key'],
    // (?s) lets `.` cross line ends: a key block spans lines inside one cell.
    pattern: `(?s)(-----BEGIN ${begin}-----.{16,}?-----END ${end}-----)`,
    valueGroup: 1,
    valueEdges: {},
    validator: 'secret.private-key',
    confidence: 0.99,
    specificity: 3,
    description,
    examples: {
      positive: [{ text: `key file:\n${block}\n`, value: block }],
      negative: [`-----BEGIN ${label}-----\nanything\n-----END ${label}-----`, `-----BEGIN ${label}----------END ${label}-----`],
    },
  };
}

interface UrlFamily {
  id: string;
  kind: string;
  provider: string;
  schemes: string;
  example: string;
  severity: Severity;
}

const URL_FAMILIES: UrlFamily[] = [
  { id: 'secret.url.postgres', kind: 'database_password', provider: 'PostgreSQL', schemes: 'postgres|postgresql|postgis|pgsql', example: 'postgresql', severity: 'critical' },
  { id: 'secret.url.mysql', kind: 'database_password', provider: 'MySQL', schemes: 'mysql|mysqlx|mariadb|mysql2', example: 'mysql', severity: 'critical' },
  { id: 'secret.url.mongodb', kind: 'database_password', provider: 'MongoDB', schemes: 'mongodb|mongodb\\+srv', example: 'mongodb+srv', severity: 'critical' },
  { id: 'secret.url.redis', kind: 'database_password', provider: 'Redis', schemes: 'redis|rediss|valkey', example: 'redis', severity: 'critical' },
  { id: 'secret.url.clickhouse', kind: 'database_password', provider: 'ClickHouse', schemes: 'clickhouse|clickhouses|ch', example: 'clickhouse', severity: 'critical' },
  { id: 'secret.url.mssql', kind: 'database_password', provider: 'SQL Server', schemes: 'mssql|sqlserver', example: 'mssql', severity: 'critical' },
  { id: 'secret.url.amqp', kind: 'broker_password', provider: 'AMQP', schemes: 'amqp|amqps', example: 'amqps', severity: 'critical' },
  { id: 'secret.url.other', kind: 'url_password', provider: 'URL', schemes: 'https?|ftps?|sftp|smtps?|imaps?|ldaps?|mqtts?|kafka|nats|sidekiq|ssh|git', example: 'https', severity: 'high' },
];

function urlRule(f: UrlFamily): Rule {
  const host = f.kind === 'url_password' ? 'gems.internal.example.net' : 'db.internal:5432/app';
  return {
    id: f.id,
    version: 2,
    category: 'secret',
    kind: f.kind,
    provider: f.provider,
    severity: f.severity,
    keywords: ['://'],
    // The password runs to the last `@` before the host; `/`, `?`, `#` end it (they must be
    // percent-encoded inside a password, so a raw one belongs to the path). Unbounded runs: RE2
    // compiles `{1,200}` as 200 copies; the password validator bounds the length.
    pattern: `(?i:(?:jdbc:)?(?:${f.schemes}))://([^\\s:/@"'<>]+):([^\\s"'<>/?#]+)@[A-Za-z0-9._\\[\\]-]`,
    valueGroup: 2,
    validator: 'secret.url-password',
    confidence: 0.9,
    specificity: 1,
    description: `${f.provider} connection URL with an embedded password (the password is the secret).`,
    examples: {
      positive: [{ text: `url=${f.example}://svc_user:${strongPassword}@${host}`, value: strongPassword }],
      negative: [`url=${f.example}://svc_user:\${DB_PASSWORD}@${host}`, `url=${f.example}://user:password@${host}`, `${f.example}://${host}`],
    },
  };
}

// Short names (pass, pwd) count only as a whole word or after a separator: `compass: north`
// and `bypass=...` are not passwords.
// The key is matched from its tell-tale word on; a free-length name prefix before it made RE2's
// DFA several times slower and adds nothing the validator needs.
const PASSWORD_KEY = '(?i:password|passwd|passwort|passphrase|(?:^|[^a-z0-9])(?:pass|pwd))';
const SECRET_KEY =
  '(?i:(?:api[_.-]?key|api[_.-]?secret|api[_.-]?token|secret[_.-]?key|client[_.-]?secret|app[_.-]?secret|access[_.-]?token|auth[_.-]?token|refresh[_.-]?token|bearer[_.-]?token|private[_.-]?token|secret|token|credentials?|creds|auth[_.-]?key|access[_.-]?key|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key|session[_.-]?key|auth))';
// Unbounded: RE2 compiles `{1,300}` as 300 copies of the class, which made extracting these two
// rules' values cost more than matching all the others. The validators bound the length.
const VALUE = '([^\\s"\'`,;&<>(){}\\[\\]]+)';

/**
 * Prefilter keywords for key/value rules: the key word followed by what can come between a key
 * and its value. `token"` and `token=` admit a row; `total_tokens` (in every AI-service usage
 * record) does not.
 */
function keyedKeywords(words: string[]): string[] {
  return words.flatMap((w) => ['"', "'", '=', ':', ' ', '`', '>', ','].map((c) => w + c));
}

export const structuralSecretRules: Rule[] = [
  {
    id: 'secret.jwt',
    version: 1,
    category: 'secret',
    kind: 'jwt',
    severity: 'high',
    keywords: ['eyj'],
    pattern: `${LEFT}(eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{2,}(?:\\.[A-Za-z0-9_-]*){0,3})(?:[^A-Za-z0-9_-]|$)`,
    valueGroup: 1,
    validator: 'secret.jwt',
    confidence: 0.95,
    specificity: 2,
    description: 'JSON Web Token (access, ID or refresh token); the header must decode to JSON with an alg.',
    examples: {
      positive: [{ text: `"Authorization": "Bearer ${jwtExample}"`, value: jwtExample }],
      negative: [`token=${notJwt}`, 'eyJhbGciOiJIUzI1NiJ9 alone is only a header'],
    },
  },
  {
    id: 'secret.jwt.base64',
    version: 1,
    category: 'secret',
    kind: 'jwt',
    severity: 'high',
    keywords: ['zxlk'],
    pattern: `${LEFT}(ZXlK[A-Za-z0-9+/]{20,}={0,2})(?:[^A-Za-z0-9+/=]|$)`,
    valueGroup: 1,
    valueEdges: { left: LEFT_KEPT, right: expandSet('A-Za-z0-9+/=') },
    validator: 'secret.jwt-base64',
    confidence: 0.9,
    specificity: 2,
    description: 'A JWT wrapped in base64 (Kubernetes secrets, config maps).',
    examples: {
      positive: [{ text: `token: ${Buffer.from(jwtExample).toString('base64')}`, value: Buffer.from(jwtExample).toString('base64') }],
      negative: [`token: ${Buffer.from(notJwt).toString('base64')}`],
    },
  },
  privateKeyRule('secret.private-key.pem', 'private_key', 'PEM', `${PEM_TYPES}PRIVATE KEY`, `${PEM_TYPES}PRIVATE KEY`, 'RSA PRIVATE KEY', 'PEM private key block (PKCS#1, PKCS#8, EC, DSA, encrypted).'),
  privateKeyRule('secret.private-key.openssh', 'ssh_private_key', 'OpenSSH', 'OPENSSH PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'OpenSSH private key block.'),
  privateKeyRule('secret.private-key.pgp', 'pgp_private_key', 'OpenPGP', 'PGP PRIVATE KEY BLOCK', 'PGP PRIVATE KEY BLOCK', 'PGP PRIVATE KEY BLOCK', 'PGP private key block.'),
  ...URL_FAMILIES.map(urlRule),
  {
    id: 'secret.header.authorization',
    version: 1,
    category: 'secret',
    kind: 'bearer_token',
    severity: 'high',
    keywords: ['authorization'],
    pattern: `(?i:authorization)["']?\\s*[:=]\\s*["']?(?:(?i:bearer|token|api-token|apikey|api-key|key|sso-key|bot|dsn)\\s+)?([A-Za-z0-9._~+/=:@-]{16,})`,
    valueGroup: 1,
    validator: 'secret.bearer',
    confidence: 0.85,
    specificity: 1,
    description: 'Credential in an HTTP Authorization header (Bearer and custom schemes).',
    examples: {
      positive: [{ text: `-H "Authorization: Bearer ${apiValue}"`, value: apiValue }],
      negative: ['-H "Authorization: Bearer $API_KEY"', 'Authorization: Bearer ${TOKEN}', 'Authorization: Bearer <token>'],
    },
  },
  {
    id: 'secret.header.api-key',
    version: 1,
    category: 'secret',
    kind: 'api_key_header',
    severity: 'high',
    keywords: ['x-api-key', 'api-key', 'apikey', 'x-auth-token', 'x-access-token', 'private-token'],
    pattern: `(?i:x-api-key|api-key|apikey|x-auth-token|x-access-token|private-token|x-goog-api-key)["']?\\s*:\\s*["']?([A-Za-z0-9._~+/=-]{16,})`,
    valueGroup: 1,
    validator: 'secret.bearer',
    confidence: 0.85,
    specificity: 1,
    description: 'Credential in an API-key header (x-api-key, apikey, private-token).',
    examples: {
      positive: [{ text: `x-api-key: ${apiValue}`, value: apiValue }],
      negative: ['x-api-key: $API_KEY', 'x-api-key: your-api-key-here'],
    },
  },
  {
    id: 'secret.header.basic',
    version: 1,
    category: 'secret',
    kind: 'basic_auth_credentials',
    severity: 'high',
    keywords: ['basic'],
    pattern: `(?i:authorization["']?\\s*[:=]\\s*["']?basic|basic)\\s+([A-Za-z0-9+/]{6,}={0,2})(?:[^A-Za-z0-9+/=]|$)`,
    valueGroup: 1,
    validator: 'secret.basic-auth',
    confidence: 0.9,
    specificity: 1,
    description: 'HTTP Basic credential (base64 user:password); the decoded password is the secret.',
    examples: {
      positive: [{ text: `Authorization: Basic ${Buffer.from(`svc:${strongPassword}`).toString('base64')}`, value: Buffer.from(`svc:${strongPassword}`).toString('base64') }],
      negative: [`Authorization: Basic ${Buffer.from('user:password').toString('base64')}`, 'a basic example of text'],
    },
  },
  {
    id: 'secret.cli.user-password',
    version: 2,
    category: 'secret',
    kind: 'basic_auth_credentials',
    severity: 'high',
    keywords: ['-u', '--user'],
    pattern: `(?:^|\\s)(?:-u|--user)(?:\\s+|=)["']?([^\\s:"'$]*)["']?:["']?([^\\s"']+)`,
    valueGroup: 2,
    validator: 'secret.password',
    confidence: 0.85,
    specificity: 1,
    description: 'user:password given on a command line (curl -u / --user).',
    examples: {
      positive: [{ text: `curl --user deploy:${strongPassword} https://api.internal`, value: strongPassword }],
      negative: ['curl -sL --user "$GITHUB_USERNAME:$GITHUB_PASSWORD" "$URL"', 'curl --user "username:password" https://x'],
    },
  },
  {
    id: 'secret.cli.password-flag',
    version: 2,
    category: 'secret',
    kind: 'password',
    severity: 'high',
    keywords: ['--password', 'mysql', 'mariadb'],
    // A bare `-p` means a password only for the MySQL family; elsewhere it is a port or a path flag.
    pattern: `(?:^|\\s)(?:--password(?:=|\\s+)|(?:mysql|mysqldump|mariadb)\\s[^\\n]{0,100}?\\s-p)["']?([^\\s"'/-][^\\s"']{3,})`,
    valueGroup: 1,
    validator: 'secret.password',
    confidence: 0.7,
    specificity: 1,
    description: 'Password passed as a command-line flag (mysql -p..., --password=...).',
    examples: {
      positive: [{ text: `mysql -u root --password=${strongPassword} app`, value: strongPassword }],
      negative: ['mysql -u root --password=$MYSQL_PWD', 'mkdir -p /var/lib/app', 'find . -print'],
    },
  },
  {
    id: 'secret.generic.password',
    version: 2,
    category: 'secret',
    kind: 'password',
    severity: 'high',
    keywords: keyedKeywords(['pass', 'passwd', 'password', 'passwort', 'passphrase', 'pwd']),
    pattern: `${PASSWORD_KEY}${ASSIGN}${VALUE}`,
    valueGroup: 1,
    validator: 'secret.password',
    confidence: 0.8,
    specificity: 0,
    description: 'Password assigned to a password-named key (key=value, "key": "value", key: value).',
    examples: {
      positive: [
        { text: `{"db_password": "${strongPassword}"}`, value: strongPassword },
        { text: 'SMTP_PASSWORD=hunter22', value: 'hunter22' },
      ],
      negative: ['password: ${DB_PASSWORD}', 'password=changeme', '"password": null', 'password: "********"', 'password_reset_required: true'],
    },
  },
  {
    id: 'secret.prose.own-credential',
    version: 1,
    category: 'secret',
    kind: 'password',
    severity: 'high',
    // A user quoting their own key or password in a chat turn, in the eight chat languages:
    // a possessive, a credential noun, then the value (`la mia chiave Xy7%…`, `my password is …`).
    keywords: OWN_KEYWORDS,
    pattern: `(?i)(?:^|[^\\p{L}])(?:${OWN_POSSESSIVES.map(escapeRe).join('|')})\\s+(?:${OWN_NOUNS.map(escapeRe).join('|')})\\s*(?:(?:is|ist|lautet|est|es|è|é|jest|=|:)\\s*)?['"“„«]?([^\\s'"“”„«»<>]{7,63}[^\\s'"“”„«»<>.,;:?)\\]])`,
    valueGroup: 1,
    validator: 'secret.prose-password',
    confidence: 0.7,
    specificity: 0,
    description: 'A password or key a user writes after "my key / my password" (EN, DE, FR, ES, IT, NL, PL, PT) that has the mix of characters of a real one.',
    examples: {
      positive: [
        { text: 'Perché la mia chiave Sommer9875%4pP restituisce 401?', value: 'Sommer9875%4pP' },
        { text: 'Why does my key Df8%rGTjZwqtdTNOxTe return 401 Unauthorized?', value: 'Df8%rGTjZwqtdTNOxTe' },
        { text: 'Mein Passwort ist xR7#kq2LmP!9, bitte nicht weitergeben.', value: 'xR7#kq2LmP!9' },
        { text: 'Por que minha chave 67WALN!_y%RBqJ0rE retorna 401?', value: '67WALN!_y%RBqJ0rE' },
        // Admitted by a non-ASCII keyword only (`mein api-schlüssel`): the scan's lower-cased branch.
        { text: 'Mein API-Schlüssel lautet Qw7%zT9rLm2!x, oder?', value: 'Qw7%zT9rLm2!x' },
      ],
      negative: [
        'my key points are below',
        '¿Es correcta mi clave personal?',
        'my password is incorrect again',
        'my key kafka-0.prod.parley.internal does not resolve',
        'my token ${API_TOKEN} is set',
        'mi clave 2024-01-15 caducó',
        'my password is YOUR_PASSWORD',
        'mijn sleutel werkt niet meer',
      ],
    },
  },
  {
    id: 'secret.generic.api-key',
    version: 2,
    category: 'secret',
    kind: 'generic_secret',
    severity: 'high',
    keywords: keyedKeywords(['key', 'secret', 'token', 'credential', 'credentials', 'creds', 'auth']),
    pattern: `${SECRET_KEY}${ASSIGN}${VALUE}`,
    valueGroup: 1,
    validator: 'secret.generic',
    confidence: 0.7,
    specificity: 0,
    description: 'Random-looking value assigned to a key named api_key / secret / token / credentials (entropy-gated).',
    examples: {
      positive: [{ text: `"client_secret": "${apiValue}"`, value: apiValue }],
      negative: ['"max_tokens": 4096', '{"usage": {"total_tokens": 1532, "prompt_tokens": 12}}', 'api_key: YOUR_API_KEY', '"token_type": "bearer"', 'secret: ${SECRET}', 'api_key = os.environ["OPENAI_API_KEY"]'],
    },
  },
];
