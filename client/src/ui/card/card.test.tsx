import { render, screen } from '@testing-library/react';
import { Card } from './index';

describe('Card', () => {
  it('heads its content with a level-2 heading when titled', () => {
    render(<Card title='待缴账单'>两期</Card>);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('待缴账单');
  });

  it('has no heading when untitled', () => {
    render(<Card>内容</Card>);
    expect(screen.queryByRole('heading')).toBeNull();
  });
});
