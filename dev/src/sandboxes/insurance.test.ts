import { RESIDENTS } from '../fixtures';
import { dataUpTo, personIdOf } from './insurance';

describe('the social insurance bureau sandbox', () => {
  it('has posted last month’s records from the 20th, the month before until then, across the year end', () => {
    expect(dataUpTo('2026-03-19')).toBe('2026-01');
    expect(dataUpTo('2026-03-20')).toBe('2026-02');
    expect(dataUpTo('2026-01-05')).toBe('2025-11');
    expect(dataUpTo('2026-01-31')).toBe('2025-12');
  });

  it('gives every person a stable opaque id that does not contain the ID number', () => {
    const id = personIdOf(RESIDENTS[0].idNumber);
    expect(id).toBe(personIdOf(RESIDENTS[0].idNumber));
    expect(id).toMatch(/^SZ[0-9A-F]{16}$/);
    expect(id).not.toContain(RESIDENTS[0].idNumber.slice(6, 14));
  });

});
