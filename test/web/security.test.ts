import { describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin, parseCookies, tokenFromRequest, tokensEqual, TOKEN_COOKIE } from '../../app/web/security.ts';

describe('isAllowedHost', () => {
  it.each(['127.0.0.1:4000', 'localhost:4000', 'LOCALHOST:4000'])('accepts %s', (host) => {
    expect(isAllowedHost(host, 4000)).toBe(true);
  });
  it.each([undefined, '', '127.0.0.1', '127.0.0.1:4001', 'evil.example', 'evil.example:4000', 'localhost.evil.example:4000', '127.0.0.1.nip.io:4000', '0.0.0.0:4000', '[::1]:4000', '127.0.0.1:4000@evil'])(
    'refuses %s (DNS rebinding, other ports, look-alikes)',
    (host) => {
      expect(isAllowedHost(host, 4000)).toBe(false);
    },
  );
});

describe('isAllowedOrigin', () => {
  it('accepts no Origin and our exact origin', () => {
    expect(isAllowedOrigin(undefined, '127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4000', '127.0.0.1:4000', 4000)).toBe(true);
  });
  it.each(['null', 'http://evil.example', 'http://127.0.0.1:4001', 'https://127.0.0.1:4000', 'http://localhost:4000', 'http://127.0.0.1:4000.evil.example', ''])('refuses %s', (origin) => {
    expect(isAllowedOrigin(origin, '127.0.0.1:4000', 4000)).toBe(false);
  });
});

describe('tokens', () => {
  it('compares tokens exactly, refusing missing, shorter and longer ones', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual(undefined, 'abc')).toBe(false);
    expect(tokensEqual('ab', 'abc')).toBe(false);
    expect(tokensEqual('abcd', 'abc')).toBe(false);
    expect(tokensEqual('abd', 'abc')).toBe(false);
  });
  it('reads the token from a Bearer header or the cookie', () => {
    expect(tokenFromRequest({ authorization: 'Bearer t1' })).toBe('t1');
    expect(tokenFromRequest({ cookie: `a=b; ${TOKEN_COOKIE}=t2; c=d` })).toBe('t2');
    expect(tokenFromRequest({ authorization: 'Basic dXNlcjpw' })).toBeUndefined();
    expect(parseCookies('=x; y')).toEqual({});
  });
});
