import { redactPath } from './redact';

describe('a department path in a log line', () => {
  it.each([
    ['/accounts/0300123456789/bills?asOf=2026-03-10', '/accounts/*89/bills?asOf=2026-03-10', '0300123456789'],
    ['/accounts/SZ20481357', '/accounts/*57', 'SZ20481357'],
    [`/vehicles/${encodeURIComponent('粤B12345')}/fines`, '/vehicles/*45/fines', '%E7%B2%A4B12345'],
    ['/persons/440305199003071236?name=%E5%BC%A0%E6%99%93%E6%98%8E', '/persons/*36?name=*', '440305199003071236'],
  ])('keeps the route and the date but not the identifier: %s', (path, expected, secret) => {
    expect(redactPath(path)).toBe(expected);
    expect(redactPath(path)).not.toContain(secret);
  });

  it('keeps a path without identifiers as it is', () => {
    expect(redactPath('/health')).toBe('/health');
    expect(redactPath('/payments?asOf=2026-03-10')).toBe('/payments?asOf=2026-03-10');
  });
});
