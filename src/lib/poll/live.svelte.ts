/**
 * A room's live state from its event stream. EventSource reconnects by itself after a dropped
 * connection, and the server answers every connection with a full snapshot, so nothing is missed.
 */
import type { RoomAnswers } from './answers';
import type { PollKind, PollOption, Results } from './model';
import type { SlideState } from './slide-model';

export interface LivePoll {
	pollId: string | null;
	question: string | null;
	options: PollOption[];
	open: boolean;
	kind?: PollKind;
}

export class LiveRoom {
	poll = $state<LivePoll | null>(null);
	results = $state<Results | null>(null);
	/** An open poll's shown answers (`event: answers`), null for a choice poll. */
	answers = $state<RoomAnswers | null>(null);
	/** The class's slide and pace (`event: slide`), null until the stream's first. */
	slide = $state<SlideState | null>(null);
	connected = $state(false);
	/** The room is gone (expired, or a mistyped code): the stream answered 404. */
	missing = $state(false);
	private source: EventSource | null = null;

	constructor(readonly code: string) {}

	connect(): () => void {
		const source = new EventSource(`/api/rooms/${encodeURIComponent(this.code)}/events`);
		this.source = source;
		source.addEventListener('open', () => (this.connected = true));
		source.addEventListener('poll', (e) => (this.poll = JSON.parse((e as MessageEvent).data)));
		source.addEventListener(
			'results',
			(e) => (this.results = JSON.parse((e as MessageEvent).data))
		);
		source.addEventListener(
			'answers',
			(e) => (this.answers = JSON.parse((e as MessageEvent).data))
		);
		source.addEventListener('slide', (e) => (this.slide = JSON.parse((e as MessageEvent).data)));
		source.addEventListener('error', () => {
			this.connected = false;
			// A closed source will not retry (the server refused it): find out whether the room exists.
			if (source.readyState === EventSource.CLOSED) void this.check();
		});
		return () => this.close();
	}

	private async check() {
		const res = await fetch(`/api/rooms/${encodeURIComponent(this.code)}/results`).catch(
			() => null
		);
		if (res?.status === 404) this.missing = true;
		else if (this.source) setTimeout(() => this.source && this.reconnect(), 3000);
	}

	private reconnect() {
		this.source?.close();
		this.connect();
	}

	/** Counts as soon as a vote's own answer arrives, before the stream catches up. */
	apply(counts: Record<string, number>, total: number) {
		if (this.results) this.results = { ...this.results, counts, total };
	}

	close() {
		this.source?.close();
		this.source = null;
		this.connected = false;
	}
}
