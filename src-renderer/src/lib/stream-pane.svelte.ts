import { eventMatcher, type EventMatcher } from '../../../src-main/core/filter';
import { api, type EventFilter, type MonitorEvent } from './api';
import { logFloor } from './log-floor.svelte';
import { withoutDeleted } from './without-deleted';

const PAGE_SIZE = 300;
/** Events one pane keeps while following the tail; older ones are a scroll (a store query) away. */
const TAIL_CAPACITY = 5_000;
/** Hard cap while the user reads back in history, so a pane cannot grow without bound. */
const MAX_EVENTS = 30_000;
/** Events held back while paused; beyond it the pane reloads from the store on resume. */
const PAUSE_BUFFER = 10_000;
/**
 * A rare filter can leave the first page nearly empty (the store examines one seq window per
 * page): keep reading older pages until a screenful is shown, at most this many per reload.
 */
const FILL_ROWS = 60;
const MAX_FILL_PAGES = 40;

/** `trim`: rows left from the top (retention deleted them), and nothing else changed. */
export type ListChange = 'reset' | 'append' | 'prepend' | 'trim';

let nextPaneId = 1;

/**
 * One stream view: a topic (null = All) under the shared filter, its events (a page of history
 * and then the live tail), and its own pause, clear and pinned columns. Live events come from
 * the app's one feed through ingest(); history comes from the store by seq window.
 */
export class StreamPane {
  readonly id = nextPaneId++;
  topic = $state<string | null>(null);
  events = $state.raw<MonitorEvent[]>([]);
  /** How `events` last changed: the list keeps its scroll anchored at the end for a prepend. */
  change = $state<ListChange>('reset');
  paused = $state(false);
  heldBack = $state(0);
  following = $state(true);
  /**
   * Live events left out while the user reads back in a full pane: taking them would push out the
   * rows being read. Back at the live edge, the newest page is loaded instead.
   */
  leftOut = $state(0);
  hasMoreBefore = $state(false);
  loading = $state(false);
  loadingOlder = $state(false);
  error = $state<string | null>(null);
  pins = $state.raw<string[]>([]);
  /** Seqs at or below this were cleared from view; history paging stops there. */
  clearedThrough = $state(0);
  /** False when the stream's topic is excluded by the filter's topic selection. */
  reachable = $state(true);
  /** How far back history has been searched when the store answered with a partial page. */
  searchedDownTo = $state<number | null>(null);

  private filter: EventFilter | null = {};
  private matches: EventMatcher = () => true;
  private lastSeq = 0;
  /** Where the next older page starts: below the oldest event shown, or below what was searched. */
  private olderThan: number | null = null;
  private held: MonitorEvent[] = [];
  private heldOverflow = false;
  private generation = 0;

  constructor(topic: string | null = null, pins: string[] = []) {
    this.topic = topic;
    this.pins = pins;
  }

  /** Applies a new store filter (the view filter narrowed to this topic) and reloads history. */
  setFilter(filter: EventFilter | null): void {
    this.filter = filter;
    this.matches = filter === null ? () => false : eventMatcher(filter);
    this.reachable = filter !== null;
    void this.reload();
  }

  async reload(): Promise<void> {
    const generation = ++this.generation;
    this.held = [];
    this.heldOverflow = false;
    this.heldBack = 0;
    this.error = null;
    if (this.filter === null) {
      this.replace([], false);
      return;
    }
    this.loading = true;
    try {
      const page = await api.queryEvents({ limit: PAGE_SIZE, filter: this.filter });
      if (generation !== this.generation) return;
      const visible = page.events.filter((event) => event.seq > this.hiddenThrough);
      const reachedClear = visible.length < page.events.length || (page.searchedDownTo ?? Infinity) <= this.hiddenThrough;
      const newest = page.events.at(-1)?.seq ?? 0;
      // Live events that arrived while the page was on its way, and are newer than it.
      const arrived = this.held.filter((event) => event.seq > newest);
      this.held = [];
      this.replace(visible.concat(this.paused ? [] : arrived), page.hasMoreBefore && !reachedClear);
      this.noteSearched(page.searchedDownTo, page.events[0]?.seq);
      if (this.paused) this.hold(arrived);
      void this.fillBackwards(generation);
    } catch (error) {
      if (generation === this.generation) this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  /** New live events from the feed, in seq order; the pane keeps those its filter matches. */
  ingest(events: readonly MonitorEvent[]): void {
    if (this.filter === null) return;
    const fresh = events.filter((event) => event.seq > this.lastSeq && this.matches(event));
    if (fresh.length === 0) return;
    if (this.loading) {
      this.held.push(...fresh);
      return;
    }
    this.lastSeq = fresh.at(-1)!.seq;
    if (this.paused) this.hold(fresh);
    else this.append(fresh);
  }

  async loadOlder(): Promise<void> {
    const beforeSeq = this.olderThan;
    if (!this.hasMoreBefore || this.loadingOlder || this.loading || this.filter === null || beforeSeq === null) return;
    const generation = this.generation;
    this.loadingOlder = true;
    try {
      const page = await api.queryEvents({ limit: PAGE_SIZE, beforeSeq, filter: this.filter });
      if (generation !== this.generation) return;
      const older = page.events.filter((event) => event.seq > this.hiddenThrough);
      this.hasMoreBefore = page.hasMoreBefore && older.length === page.events.length && (page.searchedDownTo ?? Infinity) > this.hiddenThrough;
      this.noteSearched(page.searchedDownTo, page.events[0]?.seq);
      if (older.length === 0) return;
      const combined = older.concat(this.events);
      if (!this.following) this.leftOut += Math.max(0, combined.length - MAX_EVENTS);
      this.events = combined.length > MAX_EVENTS ? combined.slice(0, MAX_EVENTS) : combined;
      this.change = 'prepend';
    } catch (error) {
      if (generation === this.generation) this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.loadingOlder = false;
    }
  }

  /**
   * Seqs at or below this are never shown: cleared from view, or deleted by retention (a page asked
   * for before a retention pass can be answered after it).
   */
  private get hiddenThrough(): number {
    return Math.max(this.clearedThrough, logFloor.keptFromSeq - 1);
  }

  private noteSearched(searchedDownTo: number | undefined, oldestInPage: number | undefined): void {
    this.searchedDownTo = searchedDownTo ?? null;
    this.olderThan = searchedDownTo ?? oldestInPage ?? this.events[0]?.seq ?? null;
  }

  /** Reads older pages in the background while a sparse filter shows less than a screenful. */
  private async fillBackwards(generation: number): Promise<void> {
    for (let step = 0; step < MAX_FILL_PAGES; step++) {
      if (generation !== this.generation || !this.hasMoreBefore || this.events.length >= FILL_ROWS) return;
      await this.loadOlder();
    }
  }

  /** The list left or reached its live edge. */
  setFollowing(following: boolean): void {
    this.following = following;
    if (following && this.leftOut > 0) void this.reload();
  }

  togglePause(): void {
    if (!this.paused) {
      this.paused = true;
      return;
    }
    this.paused = false;
    if (this.heldOverflow) {
      void this.reload();
      return;
    }
    const held = this.held;
    this.held = [];
    this.heldBack = 0;
    this.append(held);
  }

  /** Empties this view only: the events stay in the store and in other panes. */
  clear(): void {
    this.clearedThrough = Math.max(this.lastSeq, this.events.at(-1)?.seq ?? 0);
    this.held = [];
    this.heldBack = 0;
    this.heldOverflow = false;
    this.replace([], false);
  }

  /** Retention deleted every event below `keptFromSeq`: none stays shown or held, and history ends there. */
  dropDeleted(keptFromSeq: number): void {
    const kept = withoutDeleted(this.events, keptFromSeq);
    if (kept !== this.events) {
      this.events = kept;
      this.change = 'trim';
    }
    const held = withoutDeleted(this.held, keptFromSeq);
    // During a reload `held` gathers arrivals that heldBack does not count (yet).
    if (!this.loading) this.heldBack -= this.held.length - held.length;
    this.held = held;
    if (this.olderThan !== null && this.olderThan <= keptFromSeq) this.hasMoreBefore = false;
  }

  pin(path: string): void {
    const trimmed = path.trim();
    if (trimmed !== '' && !this.pins.includes(trimmed)) this.pins = [...this.pins, trimmed];
  }

  unpin(path: string): void {
    this.pins = this.pins.filter((pin) => pin !== path);
  }

  private replace(events: MonitorEvent[], hasMoreBefore: boolean): void {
    this.events = events;
    this.olderThan = events[0]?.seq ?? null;
    this.searchedDownTo = null;
    this.lastSeq = Math.max(this.lastSeq, events.at(-1)?.seq ?? 0);
    this.hasMoreBefore = hasMoreBefore;
    this.leftOut = 0;
    this.change = 'reset';
  }

  private append(events: readonly MonitorEvent[]): void {
    if (events.length === 0) return;
    if (!this.following && (this.leftOut > 0 || this.events.length + events.length > MAX_EVENTS)) {
      this.leftOut += events.length;
      this.lastSeq = Math.max(this.lastSeq, events.at(-1)!.seq);
      return;
    }
    let combined = this.events.concat(events);
    if (combined.length > TAIL_CAPACITY && this.following) {
      combined = combined.slice(combined.length - TAIL_CAPACITY);
      this.hasMoreBefore = true;
      this.olderThan = combined[0]!.seq;
      this.searchedDownTo = null;
    }
    this.events = combined;
    this.lastSeq = Math.max(this.lastSeq, combined.at(-1)!.seq);
    this.change = 'append';
  }

  private hold(events: readonly MonitorEvent[]): void {
    this.heldBack += events.length;
    this.lastSeq = Math.max(this.lastSeq, events.at(-1)?.seq ?? 0);
    if (this.heldOverflow) return;
    this.held.push(...events);
    if (this.held.length > PAUSE_BUFFER) {
      this.held = [];
      this.heldOverflow = true;
    }
  }
}
