/**
 * Fake credentials in the exact shapes real providers issue (prefix, length, alphabet, checksum
 * where the format has one). All random from the seeded stream: none of them grants anything.
 */
import { crc32, toBase62 } from './checksums.ts';
import type { Rng } from './prng.ts';

export interface PlantedSecret {
  kind: string;
  provider: string;
  /** The credential itself as it appears in the text (the part a scanner must find). */
  value: string;
  /** The text that carries it (a config line, a header, a URL). Contains `value`. */
  text: string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = ALNUM + '-_';
const BASE64 = ALNUM + '+/';
const UPPER32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** A password as people choose them for services: mixed classes, 12–24 characters, no quotes or spaces. */
export function randomPassword(rng: Rng): string {
  const words = ['Sommer', 'Dragon', 'Parley', 'Kafka', 'Falcon', 'Orbit', 'Maple', 'Quartz', 'Tiger', 'Nebula'];
  if (rng.chance(0.4)) return `${rng.pick(words)}${rng.int(10, 9999)}${rng.pick(['!', '#', '$', '%', '&', '*'])}${rng.chars(ALNUM, 3)}`;
  return rng.chars(ALNUM + '!#%*-_.', rng.int(14, 24));
}

export function jwt(rng: Rng, issuer: string, subject: string, issuedAt: number): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({ iss: issuer, sub: subject, iat: issuedAt, exp: issuedAt + 3600 * rng.int(1, 24), scope: rng.pick(['chat:write', 'chat:read chat:write', 'admin']) }),
  );
  // HS256 signature: 32 bytes, base64url without padding = 43 characters.
  return `${header}.${payload}.${rng.bytes(32).toString('base64url')}`;
}

function pemBody(rng: Rng, prefixDer: string, byteLength: number, width: number): string {
  const der = Buffer.concat([Buffer.from(prefixDer, 'hex'), rng.bytes(byteLength)]);
  return (der.toString('base64').match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join('\n');
}

export function rsaPrivateKeyPem(rng: Rng): string {
  // 30 82 04 a4 02 01 00 02 82 01 01 00 is the DER header of a 2048-bit PKCS#1 key ("MIIEpAIBAAKCAQEA"); 1192 bytes in all.
  return `-----BEGIN RSA PRIVATE KEY-----\n${pemBody(rng, '308204a40201000282010100', 1180, 64)}\n-----END RSA PRIVATE KEY-----`;
}

export function openSshPrivateKey(rng: Rng): string {
  // "openssh-key-v1\0" + cipher "none": every unencrypted OpenSSH key starts b3BlbnNzaC1rZXktdjEAAAAABG5vbmU.
  const der = Buffer.concat([Buffer.from('openssh-key-v1\0\0\0\0\x04none\0\0\0\x04none\0\0\0\0\0\0\0\x01\0\0\0\x33\0\0\0\x0bssh-ed25519', 'latin1'), rng.bytes(300)]);
  const body = (der.toString('base64').match(/.{1,70}/g) ?? []).join('\n');
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----`;
}

function pkcs8PemJsonEscaped(rng: Rng): string {
  const pem = `-----BEGIN PRIVATE KEY-----\n${pemBody(rng, '308204bd020100300d06092a864886f70d0101010500048204a7', 1190, 64)}\n-----END PRIVATE KEY-----\n`;
  return pem.replaceAll('\n', '\\n');
}

function githubToken(rng: Rng, prefix: string): string {
  // Classic GitHub tokens end in a base62 CRC-32 of the random part, which scanners verify.
  const random = rng.chars(ALNUM, 30);
  return `${prefix}${random}${toBase62(crc32(random), 6)}`;
}

const HOSTS = ['db-1.prod.parley.internal', 'pg-primary.prod.parley.internal', '10.12.4.21', 'clickhouse-0.prod.parley.internal', 'mq.prod.parley.internal', 'cache-2.prod.parley.internal'];

export type SecretKind =
  | 'aws_access_key'
  | 'gcp_api_key'
  | 'gcp_service_account'
  | 'azure_storage_connection_string'
  | 'github_pat'
  | 'github_fine_grained_pat'
  | 'gitlab_pat'
  | 'slack_bot_token'
  | 'slack_webhook'
  | 'discord_bot_token'
  | 'telegram_bot_token'
  | 'twilio_api_key'
  | 'sendgrid_api_key'
  | 'mailgun_api_key'
  | 'stripe_secret_key'
  | 'openai_api_key'
  | 'deepseek_api_key'
  | 'anthropic_api_key'
  | 'huggingface_token'
  | 'npm_token'
  | 'pypi_token'
  | 'jwt'
  | 'rsa_private_key'
  | 'openssh_private_key'
  | 'postgres_url'
  | 'mysql_url'
  | 'mongodb_url'
  | 'redis_url'
  | 'clickhouse_url'
  | 'amqp_url'
  | 'bearer_token'
  | 'basic_auth'
  | 'generic_password'
  | 'generic_api_key';

/** Secrets an end user might paste into a chat or send as their own key. */
export const USER_SECRET_KINDS: readonly SecretKind[] = ['openai_api_key', 'deepseek_api_key', 'anthropic_api_key', 'github_pat', 'aws_access_key', 'huggingface_token', 'stripe_secret_key', 'postgres_url', 'generic_password', 'gcp_api_key', 'slack_bot_token', 'telegram_bot_token'];

/** Builds one or more secrets of `kind` with the line of text that carries them. */
export function plantSecret(rng: Rng, kind: SecretKind, issuedAt: number): PlantedSecret[] {
  switch (kind) {
    case 'aws_access_key': {
      const id = `AKIA${rng.chars(UPPER32, 16)}`;
      const secret = rng.chars(BASE64, 40);
      const text = rng.chance(0.5)
        ? `AWS_ACCESS_KEY_ID=${id}\nAWS_SECRET_ACCESS_KEY=${secret}\nAWS_DEFAULT_REGION=eu-central-1`
        : `aws_access_key_id = ${id}\naws_secret_access_key = ${secret}`;
      return [
        { kind: 'aws_access_key_id', provider: 'AWS', value: id, text },
        { kind: 'aws_secret_access_key', provider: 'AWS', value: secret, text },
      ];
    }
    case 'gcp_api_key': {
      const key = `AIza${rng.chars(URLSAFE, 35)}`;
      return [{ kind: 'gcp_api_key', provider: 'Google Cloud', value: key, text: `GOOGLE_MAPS_API_KEY=${key}` }];
    }
    case 'gcp_service_account': {
      const project = `parley-prod-${rng.int(100000, 999999)}`;
      const key = pkcs8PemJsonEscaped(rng);
      const json = `{"type": "service_account", "project_id": "${project}", "private_key_id": "${rng.hex(40)}", "private_key": "${key}", "client_email": "log-shipper@${project}.iam.gserviceaccount.com", "client_id": "${rng.digits(21)}", "token_uri": "https://oauth2.googleapis.com/token"}`;
      return [{ kind: 'gcp_service_account_key', provider: 'Google Cloud', value: key, text: json }];
    }
    case 'azure_storage_connection_string': {
      const accountKey = `${rng.bytes(64).toString('base64')}`;
      const conn = `DefaultEndpointsProtocol=https;AccountName=parley${rng.chars('abcdefghijklmnopqrstuvwxyz', 6)};AccountKey=${accountKey};EndpointSuffix=core.windows.net`;
      return [{ kind: 'azure_storage_account_key', provider: 'Azure', value: accountKey, text: `AZURE_STORAGE_CONNECTION_STRING="${conn}"` }];
    }
    case 'github_pat': {
      const token = githubToken(rng, rng.pick(['ghp_', 'ghp_', 'gho_', 'ghs_']));
      return [{ kind: 'github_token', provider: 'GitHub', value: token, text: `GITHUB_TOKEN=${token}` }];
    }
    case 'github_fine_grained_pat': {
      const token = `github_pat_11${rng.chars(UPPER32.replace(/[2-7]/g, '') + '0123456789', 20)}_${rng.chars(ALNUM, 59)}`;
      return [{ kind: 'github_fine_grained_pat', provider: 'GitHub', value: token, text: `git clone https://x-access-token:${token}@github.com/parley-ai/infra.git` }];
    }
    case 'gitlab_pat': {
      const token = `glpat-${rng.chars(URLSAFE, 20)}`;
      return [{ kind: 'gitlab_pat', provider: 'GitLab', value: token, text: `CI_REGISTRY_TOKEN: ${token}` }];
    }
    case 'slack_bot_token': {
      const token = `xoxb-${rng.digits(12)}-${rng.digits(13)}-${rng.chars(ALNUM, 24)}`;
      return [{ kind: 'slack_bot_token', provider: 'Slack', value: token, text: `SLACK_BOT_TOKEN=${token}` }];
    }
    case 'slack_webhook': {
      const url = `https://hooks.slack.com/services/T${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}/B${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}/${rng.chars(ALNUM, 24)}`;
      return [{ kind: 'slack_webhook_url', provider: 'Slack', value: url, text: `alerting.slack_webhook=${url}` }];
    }
    case 'discord_bot_token': {
      const id = String(rng.int(1, 9)) + rng.digits(17);
      const token = `${Buffer.from(id).toString('base64').replace(/=+$/, '')}.${rng.chars(URLSAFE, 6)}.${rng.chars(URLSAFE, 38)}`;
      return [{ kind: 'discord_bot_token', provider: 'Discord', value: token, text: `DISCORD_BOT_TOKEN=${token}` }];
    }
    case 'telegram_bot_token': {
      const token = `${rng.int(100000000, 7999999999)}:AA${rng.chars(URLSAFE, 33)}`;
      return [{ kind: 'telegram_bot_token', provider: 'Telegram', value: token, text: `https://api.telegram.org/bot${token}/sendMessage` }];
    }
    case 'twilio_api_key': {
      const key = `SK${rng.hex(32)}`;
      const sid = `AC${rng.hex(32)}`;
      const secret = rng.chars(ALNUM, 32);
      return [
        { kind: 'twilio_api_key', provider: 'Twilio', value: key, text: `twilio: {account_sid: ${sid}, api_key: ${key}, api_secret: ${secret}}` },
        { kind: 'twilio_api_secret', provider: 'Twilio', value: secret, text: `twilio: {account_sid: ${sid}, api_key: ${key}, api_secret: ${secret}}` },
      ];
    }
    case 'sendgrid_api_key': {
      const key = `SG.${rng.chars(URLSAFE, 22)}.${rng.chars(URLSAFE, 43)}`;
      return [{ kind: 'sendgrid_api_key', provider: 'SendGrid', value: key, text: `SENDGRID_API_KEY=${key}` }];
    }
    case 'mailgun_api_key': {
      const key = `key-${rng.hex(32)}`;
      return [{ kind: 'mailgun_api_key', provider: 'Mailgun', value: key, text: `MAILGUN_API_KEY=${key}` }];
    }
    case 'stripe_secret_key': {
      const key = `sk_live_51${rng.chars(ALNUM, 97)}`;
      return [{ kind: 'stripe_secret_key', provider: 'Stripe', value: key, text: `STRIPE_SECRET_KEY=${key}` }];
    }
    case 'openai_api_key': {
      const key = `sk-proj-${rng.chars(URLSAFE, 74)}T3BlbkFJ${rng.chars(URLSAFE, 74)}`;
      return [{ kind: 'openai_api_key', provider: 'OpenAI', value: key, text: `OPENAI_API_KEY=${key}` }];
    }
    case 'deepseek_api_key': {
      const key = `sk-${rng.hex(32)}`;
      return [{ kind: 'deepseek_api_key', provider: 'DeepSeek', value: key, text: `DEEPSEEK_API_KEY=${key}` }];
    }
    case 'anthropic_api_key': {
      const key = `sk-ant-api03-${rng.chars(URLSAFE, 93)}AA`;
      return [{ kind: 'anthropic_api_key', provider: 'Anthropic', value: key, text: `ANTHROPIC_API_KEY=${key}` }];
    }
    case 'huggingface_token': {
      const key = `hf_${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 34)}`;
      return [{ kind: 'huggingface_token', provider: 'Hugging Face', value: key, text: `HF_TOKEN=${key}` }];
    }
    case 'npm_token': {
      const key = `npm_${rng.chars(ALNUM, 36)}`;
      return [{ kind: 'npm_token', provider: 'npm', value: key, text: `//registry.npmjs.org/:_authToken=${key}` }];
    }
    case 'pypi_token': {
      const key = `pypi-AgEIcHlwaS5vcmc${rng.chars(URLSAFE, rng.int(70, 140))}`;
      return [{ kind: 'pypi_token', provider: 'PyPI', value: key, text: `TWINE_PASSWORD=${key}` }];
    }
    case 'jwt': {
      const token = jwt(rng, 'https://auth.parley.ai', `usr_${rng.base62(16)}`, issuedAt);
      return [{ kind: 'jwt', provider: 'Parley', value: token, text: `session_token=${token}` }];
    }
    case 'rsa_private_key': {
      const pem = rsaPrivateKeyPem(rng);
      return [{ kind: 'rsa_private_key', provider: 'PEM', value: pem, text: pem }];
    }
    case 'openssh_private_key': {
      const pem = openSshPrivateKey(rng);
      return [{ kind: 'openssh_private_key', provider: 'OpenSSH', value: pem, text: pem }];
    }
    case 'postgres_url':
    case 'mysql_url':
    case 'mongodb_url':
    case 'redis_url':
    case 'clickhouse_url':
    case 'amqp_url': {
      const password = randomPassword(rng).replace(/[#%]/g, 'x');
      const host = rng.pick(HOSTS);
      const user = rng.pick(['parley', 'app', 'svc_chat', 'admin', 'etl', 'readonly']);
      const url =
        kind === 'postgres_url'
          ? `${rng.pick(['postgres', 'postgresql'])}://${user}:${password}@${host}:5432/parley_prod`
          : kind === 'mysql_url'
            ? `mysql://${user}:${password}@${host}:3306/billing`
            : kind === 'mongodb_url'
              ? `mongodb+srv://${user}:${password}@cluster0.${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 5)}.mongodb.net/sessions?retryWrites=true`
              : kind === 'redis_url'
                ? `redis://default:${password}@${host}:6379/0`
                : kind === 'clickhouse_url'
                  ? `clickhouse://${user}:${password}@${host}:9000/logs`
                  : `amqp://${user}:${password}@${host}:5672/parley`;
      const provider = { postgres_url: 'PostgreSQL', mysql_url: 'MySQL', mongodb_url: 'MongoDB', redis_url: 'Redis', clickhouse_url: 'ClickHouse', amqp_url: 'RabbitMQ' }[kind];
      return [{ kind: 'database_url', provider, value: url, text: `DATABASE_URL=${url}` }];
    }
    case 'bearer_token': {
      const token = rng.chance(0.6) ? jwt(rng, 'https://auth.parley.ai', `usr_${rng.base62(16)}`, issuedAt) : `pk_${rng.chars(ALNUM, 40)}`;
      return [{ kind: 'bearer_token', provider: 'Parley', value: token, text: `Authorization: Bearer ${token}` }];
    }
    case 'basic_auth': {
      const credentials = Buffer.from(`${rng.pick(['admin', 'ops', 'grafana', 'metrics'])}:${randomPassword(rng)}`).toString('base64');
      return [{ kind: 'basic_auth', provider: 'HTTP', value: credentials, text: `Authorization: Basic ${credentials}` }];
    }
    case 'generic_password': {
      const password = randomPassword(rng);
      const name = rng.pick(['password', 'db_password', 'DB_PASSWORD', 'smtp_password', 'passwd', 'admin_password']);
      const sep = rng.pick(['=', ': ', ' = ']);
      return [{ kind: 'password', provider: 'generic', value: password, text: `${name}${sep}${password}` }];
    }
    case 'generic_api_key': {
      const key = rng.chars(ALNUM, rng.pick([32, 40, 48]));
      const name = rng.pick(['api_key', 'apiKey', 'x-api-key', 'API_KEY', 'secret_key']);
      const sep = rng.pick([': ', '=', ' = ']);
      return [{ kind: 'api_key', provider: 'generic', value: key, text: `${name}${sep}${key}` }];
    }
  }
}

/** Backend secrets that end up in config dumps and start-up logs, with relative frequency. */
export const BACKEND_SECRET_MIX: ReadonlyArray<readonly [SecretKind, number]> = [
  ['aws_access_key', 6],
  ['gcp_api_key', 3],
  ['gcp_service_account', 2],
  ['azure_storage_connection_string', 3],
  ['github_pat', 3],
  ['github_fine_grained_pat', 2],
  ['gitlab_pat', 2],
  ['slack_bot_token', 3],
  ['slack_webhook', 3],
  ['discord_bot_token', 2],
  ['telegram_bot_token', 2],
  ['twilio_api_key', 2],
  ['sendgrid_api_key', 3],
  ['mailgun_api_key', 2],
  ['stripe_secret_key', 4],
  ['openai_api_key', 5],
  ['deepseek_api_key', 3],
  ['anthropic_api_key', 4],
  ['huggingface_token', 3],
  ['npm_token', 2],
  ['pypi_token', 2],
  ['jwt', 3],
  ['rsa_private_key', 2],
  ['openssh_private_key', 2],
  ['postgres_url', 5],
  ['mysql_url', 3],
  ['mongodb_url', 3],
  ['redis_url', 3],
  ['clickhouse_url', 3],
  ['amqp_url', 2],
  ['basic_auth', 3],
  ['generic_password', 5],
  ['generic_api_key', 4],
];
