import { describe, expect, it } from 'vitest';
import { hasSequentialRun, isPlaceholder, shannonEntropy } from '../../../app/core/classify/validators/secret-checks.ts';
import { classifyJwt, secretValidators } from '../../../app/core/classify/validators/secret-validators.ts';
import { ALNUM, run, sampleValue } from '../../../app/core/classify/rules/secret-rule-builder.ts';

const RANDOM43 = sampleValue([run(ALNUM, 43)], 'validator-test-random');

const ctx = { match: '', before: '', after: '' };
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('placeholder checks', () => {
  it.each([
    'sk-xxxxxxxxxxxxxxxxxxxx',
    'YOUR_API_KEY',
    '<token>',
    '${TOKEN}',
    '$(cat token)',
    '{{ secrets.token }}',
    'changeme',
    '********',
    'null',
    'undefined',
    'true',
    'AKIAIOSFODNN7EXAMPLE',
    'aaaaaaaaaaaa',
    'abcdefgh',
    '[PASSWORD]',
    'process.env.API_KEY',
  ])('treats %s as a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it.each(['password123', 'hunter22', 'Tr0ub4dor&3', RANDOM43])('keeps %s as a possible secret', (value) => {
    expect(isPlaceholder(value)).toBe(false);
  });

  it('spots typed runs but not random text', () => {
    expect(hasSequentialRun('ntn_1234567890aBcD')).toBe(true);
    expect(hasSequentialRun('zYxWvUtSrQpOnMlK9876543210')).toBe(true);
    expect(hasSequentialRun('2ywfuj4ze0h5fw0yyhm0dsu4stzdq0is9xst')).toBe(false);
    expect(shannonEntropy('aaaa')).toBe(0);
  });
});

describe('secret validators', () => {
  it('accepts a weak but real password and rejects templates, variables and literals', () => {
    const password = secretValidators['secret.password']!;
    expect(password('password123', ctx)).toMatchObject({ valid: true, detail: { strength: 'fair' } });
    expect(password('hunter', ctx)).toMatchObject({ valid: true, detail: { strength: 'weak' } });
    for (const v of ['${DB_PASSWORD}', '$DB_PASSWORD', 'changeme', 'null', '********', '%(password)s', 'jdbc.url=', 'https://example.org/x']) {
      expect(password(v, ctx).valid, v).toBe(false);
    }
  });

  it('does not count user == password in a URL (a documented default) as a secret', () => {
    const urlPassword = secretValidators['secret.url-password']!;
    expect(urlPassword('postgres', { ...ctx, match: 'postgres://postgres:postgres@' }).valid).toBe(false);
    expect(urlPassword('S3cr3t!x', { ...ctx, match: 'postgres://app:S3cr3t!x@' })).toMatchObject({ valid: true, detail: { scheme: 'postgres' } });
  });

  it('decodes Basic credentials and fingerprints the password part', () => {
    const basic = secretValidators['secret.basic-auth']!;
    expect(basic(Buffer.from('svc:Tr0ub4dor&3').toString('base64'), ctx)).toMatchObject({ valid: true, secret: 'Tr0ub4dor&3' });
    expect(basic(Buffer.from('user:password').toString('base64'), ctx).valid).toBe(false);
    expect(basic(Buffer.from('no colon here').toString('base64'), ctx).valid).toBe(false);
  });

  it('tells a JWT access token from an ID token by its claims', () => {
    const header = b64url({ alg: 'RS256', typ: 'JWT' });
    const sig = 'c2lnbmF0dXJlLWJ5dGVzLWhlcmUtMTIzNDU2';
    expect(classifyJwt(`${header}.${b64url({ sub: '1', scope: 'read', iss: 'https://auth.example.com/' })}.${sig}`)).toMatchObject({
      valid: true,
      detail: { jwt_kind: 'access_token', alg: 'RS256', issuer_host: 'auth.example.com' },
    });
    expect(classifyJwt(`${header}.${b64url({ sub: '1', nonce: 'n', aud: 'app' })}.${sig}`)).toMatchObject({ detail: { jwt_kind: 'id_token' } });
    expect(classifyJwt(`${b64url({ kind: 'note' })}.${b64url({ sub: '1' })}.${sig}`).valid).toBe(false);
    expect(classifyJwt('eyKBAinh0eMec9TIDz3EuScgirF.eyJwZbKQxXu56wP-EyxAEj').valid).toBe(false);
  });

  it('rejects a token whose tail was masked in the log', () => {
    const token = secretValidators['secret.token']!;
    const value = 'xoxp-572370529330-573807301142-572331691188-';
    expect(token(value, { ...ctx, after: '####################' }).valid).toBe(false);
    expect(token(sampleValue(['ghp_', run(ALNUM, 36)], 'validator-test-github'), ctx).valid).toBe(true);
  });

  it('needs randomness for a generic value and skips public and CSRF keys', () => {
    const generic = secretValidators['secret.generic']!;
    expect(generic(RANDOM43, { ...ctx, before: 'apiToken = "' }).valid).toBe(true);
    expect(generic(RANDOM43, { ...ctx, before: 'publicToken = "' }).valid).toBe(false);
    expect(generic('4096', ctx).valid).toBe(false);
    expect(generic('jjwt-jackson-0.11.2', ctx).valid).toBe(false);
    expect(generic('bearer', ctx).valid).toBe(false);
  });
});
