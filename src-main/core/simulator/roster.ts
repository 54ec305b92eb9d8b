import type { Agent, Contact, Queue } from './business-events';
import { createHash } from 'node:crypto';
import type { Random } from './prng';

/** People and places of the simulated contact center, all derived from the seed. */

const FIRST_NAMES = [
  'Ava', 'Liam', 'Maya', 'Noah', 'Zoe', 'Ethan', 'Priya', 'Lucas', 'Chloe', 'Omar', 'Sofia', 'Mateo',
  'Hana', 'Jonas', 'Amara', 'Leo', 'Ines', 'Kai', 'Nora', 'Ravi',
] as const;
const LAST_NAMES = [
  'Nguyen', 'Patel', 'Garcia', 'Kim', 'Okafor', 'Silva', 'Müller', 'Rossi', 'Dubois', 'Haddad',
  'Tanaka', 'Novak', 'Larsen', 'Reyes', 'Cohen', 'Ahmed',
] as const;
const QUEUE_NAMES = ['Sales', 'Support', 'Billing'] as const;
const CONTACT_COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Stark Ind.', 'Wayne Ent.', ''] as const;

export const BASE_AGENT_COUNT = 12;

/** Dialpad ids are 64-bit integers; these stay below 2^53 so a JSON number keeps every digit. */
export function dialpadStyleId(random: Random): string {
  return String(random.int(4, 6)) + random.digits(15);
}

export function uuid(random: Random): string {
  const hex = (count: number): string => {
    let text = '';
    for (let i = 0; i < count; i++) text += random.int(0, 15).toString(16);
    return text;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${random.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

/** A stable UUID for an id, so UUID-keyed providers can link calls (master call) without a lookup. */
export function uuidFor(id: string): string {
  const hex = createHash('md5').update(id).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function phoneNumber(random: Random): string {
  return `+1${random.int(201, 989)}${random.int(200, 999)}${random.digits(4)}`;
}

export function createQueues(random: Random): Queue[] {
  return QUEUE_NAMES.map((name) => ({
    id: dialpadStyleId(random),
    uuid: uuid(random),
    name,
    number: phoneNumber(random),
  }));
}

/** The n-th agent: the first ones get human names; extra staff at high rates get numbered names. */
export function createAgent(random: Random, index: number, queues: readonly Queue[]): Agent {
  const named = index < FIRST_NAMES.length;
  const first = named ? (FIRST_NAMES[index] ?? 'Agent') : 'Agent';
  const last = named ? random.pick(LAST_NAMES) : String(index + 1).padStart(4, '0');
  const primary = queues[index % queues.length];
  const secondary = random.chance(0.4) ? random.pick(queues) : undefined;
  const queueIds = [primary, secondary]
    .filter((queue): queue is Queue => queue !== undefined)
    .map((queue) => queue.id)
    .filter((id, position, all) => all.indexOf(id) === position);
  return {
    id: dialpadStyleId(random),
    uuid: uuid(random),
    name: `${first} ${last}`,
    email: `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z0-9.]/g, '') + '@switchboard.example',
    phone: phoneNumber(random),
    queueIds,
  };
}

export function createContact(random: Random): Contact {
  const company = random.pick(CONTACT_COMPANIES);
  const person = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  return {
    id: dialpadStyleId(random),
    name: company === '' ? person : `${person} (${company})`,
    phone: phoneNumber(random),
  };
}

const SMS_TEXTS = [
  'Hi, is my order shipped yet?',
  'Can someone call me back about my invoice?',
  'Thanks, that fixed it!',
  'Your appointment is confirmed for tomorrow at 10:00.',
  'We received your payment. Reference attached.',
  'Please reply STOP to unsubscribe.',
  'Running 5 min late, sorry.',
  'Is the Pro plan available for teams of 20?',
] as const;

export function smsText(random: Random): string {
  return random.pick(SMS_TEXTS);
}

export const BREAK_REASONS = ['Lunch', 'Break', 'Training', 'Meeting'] as const;
