/**
 * The teacher's side of a class poll, shared by the projector and the speaker view: the room
 * (made once, remembered by the browser), the content polls, the live stream of the room, and
 * the actions behind the keys and buttons.
 */
import { hasPollServer, pollApi, request, savedRoom, saveRoom, type TeacherRoom } from './client';
import { LiveRoom } from './live.svelte';
import type { PollOption } from './model';
import { SlideSender } from './class-slide';
import type { Pacing } from './slide-model';

export interface SlidePoll {
	id: string;
	slide: string;
	question: string;
	options: PollOption[];
}

export class TeacherPoll {
	/** False until the server answers: on a static host the controls never appear. */
	available = $state(false);
	room = $state<TeacherRoom | null>(null);
	polls = $state<SlidePoll[]>([]);
	live = $state<LiveRoom | null>(null);
	joinShown = $state(false);
	revealed = $state(false);
	busy = $state(false);
	message = $state('');
	private stopLive: (() => void) | null = null;
	private disposed = false;
	/** The projector's slide, posted to the room for the phones (class-slide.ts). */
	private readonly slides = new SlideSender(() => this.room);
	/** Phones per chapter in a student-paced room, as the speaker view last read them. */
	chapterCounts = $state<{ counts: Record<string, number>; total: number } | null>(null);

	async start() {
		if (!(await hasPollServer()) || this.disposed) return;
		const { polls } = await request<{ polls: SlidePoll[] }>('/api/polls', { tries: 2 }).catch(
			() => ({ polls: [] })
		);
		if (this.disposed) return;
		this.polls = polls;
		const saved = savedRoom();
		// A remembered room that has expired is dropped rather than shown with a dead code.
		if (saved) {
			const alive = await pollApi.results(saved.code).then(
				() => true,
				(e) => e?.status !== 404
			);
			if (this.disposed) return;
			if (alive) this.use(saved);
			else saveRoom(null);
		}
		// The controls come only now: a P pressed while the remembered room was still being checked
		// opened a second room, and the class's phones, still in the first, saw nothing more.
		this.available = true;
	}

	/** The other window (projector or speaker view) opened or ended the room. */
	syncFromStorage() {
		const saved = savedRoom();
		if (saved?.code !== this.room?.code) this.use(saved);
	}

	/**
	 * The one place a stream is opened. Every caller reaches it after an await (a fetch, a room
	 * being made), by when the page may have been left: a disposed poll opens nothing, or its
	 * EventSource would reconnect for as long as the tab stays open.
	 */
	private use(room: TeacherRoom | null) {
		this.stopLive?.();
		this.stopLive = null;
		if (this.disposed) return;
		this.room = room;
		this.live = room ? new LiveRoom(room.code) : null;
		if (this.live) this.stopLive = this.live.connect();
		if (room) this.slides.resend();
	}

	/** The projector shows `step`: the class follows (a no-op until a room is open). */
	followSlide(step: string) {
		this.slides.show(step);
	}

	/** Who sets the pace, from the stream (so it is the same in both windows). */
	get pacing(): Pacing {
		return this.live?.slide?.pacing ?? 'teacher';
	}

	/** T: the class follows the projector, or each phone pages on its own. */
	togglePacing() {
		const room = this.room;
		if (!room) return;
		const next: Pacing = this.pacing === 'teacher' ? 'student' : 'teacher';
		return this.act('change the pace', () => pollApi.pacing(room, next));
	}

	/** Reads how many phones are on each chapter (the speaker view, while students set the pace). */
	async readChapters() {
		const room = this.room;
		if (!room) return;
		this.chapterCounts = await pollApi.chapters(room).catch(() => this.chapterCounts);
	}

	pollFor(slide: string): SlidePoll | undefined {
		return this.polls.find((p) => p.slide === slide);
	}

	/** The open poll, if any (from the stream, so it is the same in both windows). */
	get openPoll() {
		const p = this.live?.poll;
		return p?.open ? p : null;
	}

	private async act(what: string, fn: () => Promise<unknown>) {
		if (this.busy) return;
		this.busy = true;
		this.message = '';
		try {
			await fn();
		} catch (e) {
			this.message = `Could not ${what}: ${(e as Error).message}`;
		} finally {
			this.busy = false;
		}
	}

	openRoom() {
		return this.act('open a room', async () => {
			if (!this.room) {
				const room = await pollApi.createRoom();
				saveRoom(room);
				this.use(room);
			}
			this.joinShown = true;
		});
	}

	toggleJoin() {
		if (!this.room) return this.openRoom();
		this.joinShown = !this.joinShown;
	}

	/** P: opens the slide's poll, or closes the one that is open. */
	togglePoll(slide: string) {
		if (this.openPoll) return this.closePoll();
		const poll = this.pollFor(slide);
		if (!poll) return;
		return this.act('open the poll', async () => {
			if (!this.room) await this.openRoomQuietly();
			await pollApi.open(this.room!, { poll: poll.id });
			this.joinShown = false;
			this.revealed = false;
		});
	}

	private async openRoomQuietly() {
		const room = await pollApi.createRoom();
		saveRoom(room);
		this.use(room);
	}

	closePoll() {
		return this.act('close the poll', () => pollApi.close(this.room!));
	}

	toggleReveal() {
		if (this.live?.poll?.pollId) this.revealed = !this.revealed;
	}

	downloadCsv() {
		return this.act('download the results', async () => {
			const blob = await pollApi.csv(this.room!);
			const url = URL.createObjectURL(blob);
			const a = document.createElement('a');
			a.href = url;
			a.download = `class-poll-${this.room!.code}.csv`;
			a.click();
			// The download has started from the URL; it is not needed after this turn.
			setTimeout(() => URL.revokeObjectURL(url), 0);
		});
	}

	endRoom() {
		saveRoom(null);
		this.use(null);
		this.joinShown = false;
		this.revealed = false;
	}

	dispose() {
		this.disposed = true;
		this.slides.dispose();
		this.stopLive?.();
		this.stopLive = null;
	}
}
