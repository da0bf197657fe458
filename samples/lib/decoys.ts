/**
 * Strings that look like secrets or identifiers but are not: placeholders, documented examples,
 * version numbers, ids and numbers that fail their check digits. A scanner must not flag them.
 */
import { composeIBAN } from 'ibantools';
import { luhnCheckDigit } from './checksums.ts';
import type { Rng } from './prng.ts';

export interface PlantedDecoy {
  kind: string;
  /** The decoy itself, as it appears in the text. */
  text: string;
  /** The sentence or line that carries it. */
  line: string;
}

export type DecoyKind =
  | 'placeholder_api_key'
  | 'aws_example_key'
  | 'placeholder_password'
  | 'placeholder_database_url'
  | 'version_string'
  | 'uuid'
  | 'order_number'
  | 'epoch_timestamp'
  | 'luhn_invalid_card'
  | 'iban_bad_checksum'
  | 'token_count_field';

export const DECOY_KINDS: ReadonlyArray<readonly [DecoyKind, number]> = [
  ['placeholder_api_key', 4],
  ['aws_example_key', 2],
  ['placeholder_password', 4],
  ['placeholder_database_url', 2],
  ['version_string', 3],
  ['uuid', 2],
  ['order_number', 3],
  ['epoch_timestamp', 2],
  ['luhn_invalid_card', 3],
  ['iban_bad_checksum', 3],
  ['token_count_field', 3],
];

export function plantDecoy(rng: Rng, kind: DecoyKind, epochMs: number): PlantedDecoy {
  switch (kind) {
    case 'placeholder_api_key': {
      const text = rng.pick(['sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'YOUR_API_KEY', 'sk-...', '<your-api-key>', 'sk-proj-XXXXXXXXXXXXXXXXXXXX']);
      const line = rng.pick([`OPENAI_API_KEY=${text}`, `Set api_key to ${text} in the config file.`, `curl -H "Authorization: Bearer ${text}" https://api.parley.ai/v1/chat`]);
      return { kind, text, line };
    }
    case 'aws_example_key': {
      const text = rng.chance(0.5) ? 'AKIAIOSFODNN7EXAMPLE' : 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
      return { kind, text, line: `# from the AWS docs: ${text.startsWith('AKIA') ? 'aws_access_key_id' : 'aws_secret_access_key'} = ${text}` };
    }
    case 'placeholder_password': {
      const text = rng.pick(['changeme', '<password>', '${DB_PASSWORD}', '********', 'xxxxxxxx', '{{ vault.db_password }}']);
      const name = rng.pick(['password', 'db_password', 'DB_PASSWORD', 'smtp_password']);
      return { kind, text, line: `${name}=${text}` };
    }
    case 'placeholder_database_url': {
      const text = rng.pick(['postgres://user:password@localhost:5432/mydb', 'mysql://root:<password>@127.0.0.1:3306/app', 'redis://:${REDIS_PASSWORD}@cache:6379/0', 'mongodb://USERNAME:PASSWORD@host:27017/db']);
      return { kind, text, line: `example: DATABASE_URL=${text}` };
    }
    case 'version_string': {
      const text = rng.pick([`${rng.int(1, 3)}.${rng.int(0, 9)}.${rng.int(0, 9)}.${rng.int(1, 9)}`, `v10.0.0.${rng.int(1, 9)}`, `v${rng.int(1, 12)}.${rng.int(0, 4)}.${rng.int(0, 20)}.${rng.int(100, 999)}`]);
      return { kind, text, line: rng.pick([`client build ${text}`, `upgraded runtime to ${text}`, `agent version=${text}`]) };
    }
    case 'uuid': {
      const text = rng.uuid();
      return { kind, text, line: `retrying request_id=${text} attempt=2` };
    }
    case 'order_number': {
      const text = rng.chance(0.5) ? `ORD-2026-${rng.digits(6)}` : `2026${rng.digits(10)}`;
      return { kind, text, line: `invoice for order ${text} generated` };
    }
    case 'epoch_timestamp': {
      const text = String(epochMs + rng.int(0, 999));
      return { kind, text, line: `cache entry written at=${text} ttl=3600` };
    }
    case 'luhn_invalid_card': {
      const payload = rng.pick(['4532', '5425', '4716']) + rng.digits(11);
      const bad = (luhnCheckDigit(payload) + rng.int(1, 9)) % 10;
      const digits = payload + String(bad);
      const text = (digits.match(/.{4}/g) ?? [digits]).join(' ');
      return { kind, text, line: `payment form test: card ${text} rejected (checksum)` };
    }
    case 'iban_bad_checksum': {
      const valid = composeIBAN({ countryCode: 'DE', bban: `${rng.pick(['10070000', '37040044', '50010517'])}${rng.digits(10)}` })!;
      const check = Number(valid.slice(2, 4));
      const wrong = String(((check + rng.int(1, 90)) % 97) + 2).padStart(2, '0');
      const text = `DE${wrong === valid.slice(2, 4) ? '00' : wrong}${valid.slice(4)}`;
      return { kind, text, line: `IBAN validation failed for ${text}` };
    }
    case 'token_count_field': {
      // No quotes: the line may sit inside JSON text, where quotes would be escaped.
      const text = `max_tokens: ${rng.pick([256, 1024, 2048, 4096])}`;
      return { kind, text, line: `request options {${text}, total_tokens: ${rng.int(100, 9000)}, temperature: 0.7}` };
    }
  }
}
