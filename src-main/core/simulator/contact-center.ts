import {
  AGENT_STATUSES,
  LIVE_CALL_STATES,
  type Agent,
  type AgentStatus,
  type BusinessEvent,
  type CallOutcome,
  type CallSnapshot,
  type CallState,
  type Contact,
  type Direction,
  type GroundTruth,
  type LiveCallState,
  type Queue,
} from './business-events';
import { Fifo } from './fifo';
import { createRandom, type Random } from './prng';
import {
  BASE_AGENT_COUNT,
  BREAK_REASONS,
  createAgent,
  createContact,
  createQueues,
  dialpadStyleId,
  smsText,
  uuid,
  uuidFor,
} from './roster';
import { Timeline } from './timeline';
import { trafficProfile, type TrafficProfile } from './traffic-profile';

export interface ContactCenterOptions {
  seed: number;
  /** Business events per second. */
  rate: number;
  /** Simulated clock at creation, ms since epoch. */
  startTime: number;
}

interface StaffMember {
  agent: Agent;
  status: AgentStatus;
  since: number;
  callId: string | null;
}

/** A call while the model still acts on it; snapshots of it go out in events. */
type CallRecord = { -readonly [K in keyof CallSnapshot]: CallSnapshot[K] } & {
  queuedAt: number | null;
  patienceArmed: boolean;
};

/**
 * The simulated contact center: a discrete-event model on a simulated clock. `advanceTo` runs
 * every action due up to a time and returns the business events they produced, so the same
 * seed and the same rate history replay the same events however time is sliced.
 */
export class ContactCenter {
  private readonly random: Random;
  private readonly timeline = new Timeline();
  private readonly queues: Queue[];
  private readonly staff: StaffMember[] = [];
  private readonly staffByAgent = new Map<Agent, StaffMember>();
  private readonly liveCalls = new Map<string, CallRecord>();
  private readonly waiting = new Map<string, Fifo<CallRecord>>();
  private output: BusinessEvent[] = [];
  private seq = 0;
  private now: number;
  private profile: TrafficProfile;
  /** Bumped on a rate change so the arrival chains scheduled for the old rate stop. */
  private arrivalGeneration = 0;

  constructor(options: ContactCenterOptions) {
    this.random = createRandom(options.seed);
    this.now = options.startTime;
    this.queues = createQueues(this.random);
    for (const queue of this.queues) this.waiting.set(queue.id, new Fifo());
    this.profile = trafficProfile(options.rate, BASE_AGENT_COUNT);
    this.hireInitialStaff();
    this.startArrivals();
  }

  get rate(): number {
    return this.profile.rate;
  }

  get agents(): readonly Agent[] {
    return this.staff.map((member) => member.agent);
  }

  setRate(rate: number): void {
    this.profile = trafficProfile(rate, BASE_AGENT_COUNT);
    this.growStaff();
    this.startArrivals();
  }

  /**
   * Runs the actions due up to `time`, stopping early once `maxEvents` events are out (the rest
   * stay due and come with the next call), and returns the events in order.
   */
  advanceTo(time: number, maxEvents = Number.POSITIVE_INFINITY): BusinessEvent[] {
    while (this.output.length < maxEvents) {
      const entry = this.timeline.takeDue(time);
      if (entry === undefined) {
        this.now = Math.max(this.now, Math.floor(time));
        break;
      }
      this.now = entry.due;
      entry.run();
    }
    const events = this.output;
    this.output = [];
    return events;
  }

  groundTruth(): GroundTruth {
    const callsByState = Object.fromEntries(LIVE_CALL_STATES.map((state) => [state, 0])) as Record<LiveCallState, number>;
    const liveCalls = [...this.liveCalls.values()].map((call) => {
      // Calls leave the live map in the action that ends them, so only live states are seen here.
      const state = call.state as LiveCallState;
      callsByState[state]++;
      return {
        id: call.id,
        state,
        direction: call.direction,
        queueId: call.queue?.id ?? null,
        agentId: call.agent?.id ?? null,
        startedAt: call.startedAt,
      };
    });
    const waiting = [...this.liveCalls.values()]
      .filter((call) => call.state === 'queued' && call.queue !== null && call.queuedAt !== null)
      .map((call) => ({ callId: call.id, queueId: call.queue?.id ?? '', queuedAt: call.queuedAt ?? 0 }))
      .sort((a, b) => a.queuedAt - b.queuedAt);
    const agentsByStatus = Object.fromEntries(AGENT_STATUSES.map((status) => [status, 0])) as Record<AgentStatus, number>;
    const agents = this.staff.map((member) => {
      agentsByStatus[member.status]++;
      return { id: member.agent.id, name: member.agent.name, email: member.agent.email, status: member.status, since: member.since, callId: member.callId };
    });
    return { at: this.now, liveCalls, callsByState, waiting, agents, agentsByStatus, queues: [...this.queues], eventsGenerated: this.seq };
  }

  // --- staffing -------------------------------------------------------------------------------

  /** The staff already at work when the simulation starts: no events for them. */
  private hireInitialStaff(): void {
    for (let index = 0; index < this.profile.agentsNeeded; index++) {
      const agent = createAgent(this.random, index, this.queues);
      const roll = this.random.next();
      const status: AgentStatus = roll < 0.1 ? 'unavailable' : roll < 0.17 ? 'busy' : 'available';
      const member: StaffMember = { agent, status, since: this.now, callId: null };
      this.hire(member);
      if (status !== 'available') this.after(this.random.exponential(20), () => this.becomeAvailable(member));
    }
  }

  /** Extra staff log in when the rate grows; nobody is laid off when it falls. */
  private growStaff(): void {
    while (this.staff.length < this.profile.agentsNeeded) {
      const member: StaffMember = {
        agent: createAgent(this.random, this.staff.length, this.queues),
        status: 'unavailable',
        since: this.now,
        callId: null,
      };
      this.hire(member);
      this.becomeAvailable(member);
    }
  }

  private hire(member: StaffMember): void {
    this.staff.push(member);
    this.staffByAgent.set(member.agent, member);
  }

  private setStatus(member: StaffMember, status: AgentStatus, reason: string): void {
    if (member.status === status) return;
    const previous = member.status;
    member.status = status;
    member.since = this.now;
    this.output.push({ kind: 'agent_status', seq: ++this.seq, at: this.now, agent: member.agent, status, previous, reason });
  }

  private becomeAvailable(member: StaffMember): void {
    member.callId = null;
    this.setStatus(member, 'available', '');
    this.offerWaitingCallTo(member);
  }

  private afterCallWork(member: StaffMember): void {
    this.setStatus(member, 'wrapup', 'After call work');
    this.after(this.random.int(2, 6), () => {
      const roll = this.random.next();
      if (roll < 0.06) {
        this.setStatus(member, 'unavailable', this.random.pick(BREAK_REASONS));
        this.after(this.random.exponential(25), () => this.becomeAvailable(member));
      } else if (roll < 0.09) {
        this.setStatus(member, 'busy', 'Do not disturb');
        this.after(this.random.exponential(12), () => this.becomeAvailable(member));
      } else {
        this.becomeAvailable(member);
      }
    });
  }

  private longestIdleAgent(accepts: (member: StaffMember) => boolean): StaffMember | undefined {
    let best: StaffMember | undefined;
    for (const member of this.staff) {
      if (member.status !== 'available' || !accepts(member)) continue;
      if (best === undefined || member.since < best.since) best = member;
    }
    return best;
  }

  private memberOf(agent: Agent | null): StaffMember | undefined {
    return agent === null ? undefined : this.staffByAgent.get(agent);
  }

  // --- arrivals -------------------------------------------------------------------------------

  private startArrivals(): void {
    const generation = ++this.arrivalGeneration;
    const { callsPerSecond, smsPerSecond } = this.profile;
    const chain = (perSecond: number, arrive: () => void): void => {
      const next = (): void => {
        if (generation !== this.arrivalGeneration) return;
        arrive();
        this.afterRealSeconds(this.random.exponential(1 / perSecond), next);
      };
      this.afterRealSeconds(this.random.exponential(1 / perSecond), next);
    };
    chain(callsPerSecond, () => (this.random.chance(0.75) ? this.inboundCall() : this.outboundCall()));
    chain(smsPerSecond, () => this.sms());
  }

  private newCall(direction: Direction, contact: Contact, queue: Queue | null, internalNumber: string): CallRecord {
    const id = dialpadStyleId(this.random);
    return {
      id,
      uuid: uuidFor(id),
      masterId: null,
      entryPointId: direction === 'inbound' ? id : null,
      direction,
      state: direction === 'inbound' ? 'ringing' : 'calling',
      externalNumber: contact.phone,
      internalNumber,
      contact,
      queue,
      agent: null,
      startedAt: this.now,
      rangAt: null,
      connectedAt: null,
      endedAt: null,
      outcome: null,
      isTransferred: false,
      wasRecorded: this.random.chance(0.6),
      queuedAt: null,
      patienceArmed: false,
    };
  }

  private inboundCall(): void {
    const queue = this.random.pick(this.queues);
    const call = this.newCall('inbound', createContact(this.random), queue, queue.number);
    this.liveCalls.set(call.id, call);
    call.rangAt = this.now;
    this.emitCall(call, 'ringing');
    this.after(this.random.int(1, 3), () => this.enqueue(call, queue));
  }

  private outboundCall(): void {
    const member = this.longestIdleAgent(() => this.random.chance(0.5));
    if (member === undefined) return;
    const call = this.newCall('outbound', createContact(this.random), null, member.agent.phone);
    call.agent = member.agent;
    member.callId = call.id;
    this.liveCalls.set(call.id, call);
    this.setStatus(member, 'occupied', 'On a call');
    this.emitCall(call, 'calling');
    this.after(this.random.int(1, 2), () => {
      call.rangAt = this.now;
      this.emitCall(call, 'ringing');
      this.after(this.random.int(3, 12), () => {
        if (this.random.chance(0.7)) this.connect(call);
        else this.hangup(call, 'no_answer');
      });
    });
  }

  private sms(): void {
    const member = this.random.pick(this.staff);
    const contact = createContact(this.random);
    const direction: Direction = this.random.chance(0.6) ? 'inbound' : 'outbound';
    this.output.push({
      kind: 'sms',
      seq: ++this.seq,
      at: this.now,
      sms: {
        id: dialpadStyleId(this.random),
        uuid: uuid(this.random),
        direction,
        fromNumber: direction === 'inbound' ? contact.phone : member.agent.phone,
        toNumber: direction === 'inbound' ? member.agent.phone : contact.phone,
        text: smsText(this.random),
        agent: member.agent,
        contact,
        createdAt: this.now,
      },
    });
  }

  // --- call lifecycle ---------------------------------------------------------------------------

  private enqueue(call: CallRecord, queue: Queue): void {
    call.queue = queue;
    call.agent = null;
    call.queuedAt ??= this.now;
    this.emitCall(call, 'queued');
    this.waiting.get(queue.id)?.push(call);
    if (!call.patienceArmed) {
      call.patienceArmed = true;
      this.after(Math.max(4, this.random.exponential(40)), () => this.abandon(call));
    }
    this.dispatchQueue(queue);
  }

  private abandon(call: CallRecord): void {
    if (call.state !== 'queued') return;
    if (!this.random.chance(0.3)) {
      this.hangup(call, 'abandoned');
      return;
    }
    this.emitCall(call, 'voicemail');
    this.after(this.random.int(8, 25), () => {
      this.hangup(call, 'voicemail');
      this.after(this.random.int(3, 8), () => this.emitCall(call, 'voicemail_uploaded'));
    });
  }

  /** Drops calls that left the queue (abandoned, already served) from the head. */
  private nextWaiting(queueId: string): CallRecord | undefined {
    const fifo = this.waiting.get(queueId);
    if (fifo === undefined) return undefined;
    for (let head = fifo.peek(); head !== undefined; head = fifo.peek()) {
      if (head.state === 'queued' && head.queue?.id === queueId) return head;
      fifo.shift();
    }
    return undefined;
  }

  private dispatchQueue(queue: Queue): void {
    for (let call = this.nextWaiting(queue.id); call !== undefined; call = this.nextWaiting(queue.id)) {
      const member = this.longestIdleAgent((candidate) => candidate.agent.queueIds.includes(queue.id));
      if (member === undefined) return;
      this.waiting.get(queue.id)?.shift();
      this.offer(call, member);
    }
  }

  private offerWaitingCallTo(member: StaffMember): void {
    let oldest: CallRecord | undefined;
    for (const queueId of member.agent.queueIds) {
      const head = this.nextWaiting(queueId);
      if (head !== undefined && (oldest === undefined || (head.queuedAt ?? 0) < (oldest.queuedAt ?? 0))) oldest = head;
    }
    if (oldest?.queue == null) return;
    this.waiting.get(oldest.queue.id)?.shift();
    this.offer(oldest, member);
  }

  private offer(call: CallRecord, member: StaffMember): void {
    call.agent = member.agent;
    member.callId = call.id;
    this.setStatus(member, 'occupied', 'On a call');
    call.rangAt ??= this.now;
    this.emitCall(call, 'ringing');
    this.after(this.random.int(1, 4), () => {
      if (this.random.chance(0.95)) {
        this.connect(call);
        return;
      }
      // The agent let it ring out: Dialpad reports `missed` for that target while the caller waits on.
      this.emitCall(call, 'missed');
      this.becomeAvailableLater(member);
      // The caller's patience may have run out while it rang: give it a fresh one.
      call.patienceArmed = false;
      if (call.queue !== null) this.enqueue(call, call.queue);
      else this.hangup(call, 'no_answer');
    });
  }

  private becomeAvailableLater(member: StaffMember): void {
    member.callId = null;
    this.setStatus(member, 'unavailable', 'Missed a call');
    this.after(this.random.int(5, 15), () => this.becomeAvailable(member));
  }

  private connect(call: CallRecord): void {
    call.connectedAt ??= this.now;
    this.emitCall(call, 'connected');
    const talk = Math.max(2, this.random.exponential(10));
    if (!this.random.chance(0.12)) {
      this.after(talk, () => this.finishTalk(call));
      return;
    }
    this.after(talk * 0.4, () => {
      this.emitCall(call, 'hold');
      this.after(this.random.int(3, 10), () => {
        this.emitCall(call, 'connected');
        this.after(talk * 0.6, () => this.finishTalk(call));
      });
    });
  }

  private finishTalk(call: CallRecord): void {
    const target = this.random.chance(0.06)
      ? this.longestIdleAgent((member) => member.agent !== call.agent)
      : undefined;
    if (target === undefined) {
      this.hangup(call, 'answered');
      return;
    }
    call.isTransferred = true;
    this.hangup(call, 'transferred');
    // Transfer legs are only sometimes linked to the original call: clients must cope with orphans.
    const leg = this.newCall(call.direction, call.contact, call.queue, call.internalNumber);
    if (this.random.chance(0.6)) {
      leg.masterId = call.masterId ?? call.id;
      leg.entryPointId = call.entryPointId;
    } else {
      leg.entryPointId = null;
    }
    leg.isTransferred = true;
    leg.rangAt = this.now;
    leg.patienceArmed = true;
    this.liveCalls.set(leg.id, leg);
    this.offer(leg, target);
  }

  private hangup(call: CallRecord, outcome: CallOutcome): void {
    call.endedAt = this.now;
    call.outcome = outcome;
    this.emitCall(call, 'hangup');
    this.liveCalls.delete(call.id);
    const member = this.memberOf(call.agent);
    if (member !== undefined && member.callId === call.id) this.afterCallWork(member);
    if (outcome === 'answered' || outcome === 'transferred') this.latePostCallEvents(call);
  }

  /** Post-call states arrive after `hangup`, sometimes much later. */
  private latePostCallEvents(call: CallRecord): void {
    this.after(this.random.int(1, 3), () => this.emitCall(call, 'postcall'));
    if (!call.wasRecorded) return;
    this.after(this.random.int(4, 10), () => this.emitCall(call, 'recording'));
    if (this.random.chance(0.5)) this.after(this.random.int(10, 30), () => this.emitCall(call, 'transcription'));
  }

  private emitCall(call: CallRecord, state: CallState): void {
    call.state = state;
    const { queuedAt: _queuedAt, patienceArmed: _armed, ...snapshot } = call;
    this.output.push({ kind: 'call', seq: ++this.seq, at: this.now, call: snapshot });
  }

  // --- clock ------------------------------------------------------------------------------------

  /** Schedules after a duration in simulated-call seconds (shortened at high rates). */
  private after(seconds: number, run: () => void): void {
    this.timeline.schedule(this.now + Math.max(1, Math.round((seconds * 1000) / this.profile.timeScale)), run);
  }

  /** Schedules after wall-clock seconds (arrival gaps already account for the rate). */
  private afterRealSeconds(seconds: number, run: () => void): void {
    this.timeline.schedule(this.now + Math.round(seconds * 1000), run);
  }
}
