import { billingIdSchema, idempotencyKeySchema, ticketSubjectSchema, ticketTextSchema } from '../../../shared/validation.js';
import { CabinetError } from '../../domain/errors.js';
import { runSubscriberAction } from '../../domain/subscriber-actions.js';
import type { Ticket } from '../../domain/types.js';
import { audited } from '../audit.js';
import { requireCapability } from '../capability.js';
import type { GraphQLContext } from '../context.js';
import { parseInput } from '../errors.js';
import type { Resolvers } from '../resolvers-types.generated.js';

/** The conversations, read once per request however many fields ask (tickets, ticket(id), a mutation's answer). */
function tickets(context: GraphQLContext): Promise<Ticket[]> {
  const { session } = context.reads();
  return session.once('support tickets', () => context.gateway.getTickets(session));
}

async function ownTicket(context: GraphQLContext, id: string): Promise<Ticket | null> {
  return (await tickets(context)).find((ticket) => ticket.id === id) ?? null;
}

/**
 * Support conversations. Writing counts against the subscriber's limit of changes, like every other
 * write, so a script cannot flood the ISP's helpdesk; the audit log records who wrote and where,
 * never what.
 */
export const supportResolvers: Resolvers = {
  Mutation: {
    createTicket: async (_parent, args, context) => {
      requireCapability(context, 'tickets');
      const subject = parseInput(ticketSubjectSchema, args.subject, 'subject');
      const text = parseInput(ticketTextSchema, args.text, 'text');
      const idempotencyKey = args.idempotencyKey == null ? null : parseInput(idempotencyKeySchema, args.idempotencyKey, 'idempotencyKey');
      const reads = context.reads();
      const { accountId, login } = context.session.identity;
      // A double tap or a retry with the same key gets the conversation the first one opened.
      return runSubscriberAction(context.store, { accountId, operation: 'createTicket', args: { subject: subject ?? '', text }, idempotencyKey }, () =>
        audited(context, { action: 'ticket-create', login }, async () => {
          await context.limits.subscriberAction(accountId);
          return context.gateway.createTicket(reads.session, { subject, text });
        }),
      );
    },

    replyToTicket: async (_parent, args, context) => {
      requireCapability(context, 'tickets');
      const ticketId = parseInput(billingIdSchema, args.ticketId, 'ticketId');
      const text = parseInput(ticketTextSchema, args.text, 'text');
      const reads = context.reads();
      const { accountId, login } = context.session.identity;
      await audited(context, { action: 'ticket-reply', login, subject: ticketId }, async () => {
        await context.limits.subscriberAction(accountId);
        await context.gateway.replyToTicket(reads.session, ticketId, text);
      });
      const ticket = await ownTicket(context, ticketId);
      if (!ticket) throw new CabinetError('UPSTREAM_ERROR', 'Your message was sent, but the billing does not list the conversation now. Please look again in a minute.');
      return ticket;
    },
  },
  Subscriber: {
    tickets: (_parent, _args, context) =>
      context.gateway.capabilities.tickets ? tickets(context) : [],
    ticket: (_parent, args, context) => {
      if (!context.gateway.capabilities.tickets) return null;
      return ownTicket(context, parseInput(billingIdSchema, args.id, 'id'));
    },
  },
  Ticket: {
    messages: (ticket, _args, context) => {
      const { session } = context.reads();
      return session.once(`support messages ${ticket.id}`, () => context.gateway.getTicketMessages(session, ticket.id));
    },
  },
};
