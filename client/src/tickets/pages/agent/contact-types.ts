import type { AgentResult } from '@bianmin/core';

export interface ContactButtonProps {
  contact: NonNullable<AgentResult['contact']>;
  label: string;
}
