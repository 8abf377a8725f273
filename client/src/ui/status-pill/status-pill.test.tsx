import { render } from '@testing-library/react';
import { StatusPill } from '.';

describe('StatusPill', () => {
  it('says the state in words with a glyph screen readers skip, toned and named for tests', () => {
    const { container } = render(
      <StatusPill tone='danger' icon='!' status='unpaid'>
        欠缴
      </StatusPill>,
    );
    const pill = container.querySelector('.bm-status-pill')!;
    expect(pill.className).toContain('bm-status-pill--danger');
    expect(pill.getAttribute('data-status')).toBe('unpaid');
    expect(pill.querySelector('[aria-hidden="true"]')?.textContent).toBe('!');
    expect(pill.textContent).toBe('!欠缴');
  });

  it('has no glyph unless given one', () => {
    const { container } = render(<StatusPill tone='ok'>已缴清</StatusPill>);
    expect(container.querySelector('.bm-status-pill__icon')).toBeNull();
  });
});
