import { z } from 'zod';
import { defineContract } from '../../contract';

const uuid = (what: string) => z.string({ error: `请提供${what}` }).uuid(`${what}格式不正确`);

export const messagesInput = {
  list: z.object({}),
  read: z.object({ messageId: uuid('消息编号 messageId') }),
};

export interface InboxMessage {
  id: string;
  kind: string;
  title: string;
  body: string;
  path: string | null;
  createdAt: string;
  read: boolean;
}

/** What each action answers. */
export interface MessagesOutputs {
  list: { messages: InboxMessage[]; unread: number };
  read: { read: true };
}

/** The in-app message centre: reminders, receipts and refunds a resident was told of. */
export const messagesContract = defineContract<MessagesOutputs>()({
  name: 'messages',
  inputs: messagesInput,
  services: [],
  departments: [],
});
