/**
 * The browser's side of the poll API: requests that retry over a bad school network, the
 * student's voter id, and the teacher's room (kept in localStorage so the projector and the
 * speaker view, two windows of one browser, share it).
 */
import type { PublicAnswer, TeacherAnswer } from './answers';
import type { Poll, PollKind, PollOption, PollSpec, Results } from './model';
import type { Pacing, SlideState } from './slide-model';

/** Every poll of a room, as /present/summary prints it. */
export interface RoomSummary {
	code: string;
	polls: {
		id: string;
		question: string;
		kind: PollKind;
		open: boolean;
		opened: string;
		options: PollOption[];
		counts: Record<string, number>;
		total: number;
		answers: PublicAnswer[];
		hidden: number;
	}[];
}

export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * JSON over fetch. A network failure or a 5xx is tried again (0.5 s, 1 s, 2 s, 4 s); a 4xx is an
 * answer and is not. Votes are safe to repeat: the server keeps one ballot per voter per poll.
 */
export async function request<T>(
	path: string,
	init: { method?: string; body?: unknown; key?: string; tries?: number } = {}
): Promise<T> {
	const tries = init.tries ?? 5;
	let last: unknown;
	for (let attempt = 0; attempt < tries; attempt++) {
		if (attempt) await wait(500 * 2 ** (attempt - 1));
		let res: Response;
		try {
			res = await fetch(path, {
				method: init.method ?? 'GET',
				headers: {
					...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
					...(init.key ? { Authorization: `Bearer ${init.key}` } : {})
				},
				body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
				cache: 'no-store'
			});
		} catch (e) {
			last = e;
			continue;
		}
		const body = await res.json().catch(() => ({}));
		if (res.ok) return body as T;
		last = new ApiError(res.status, body.error ?? `the server answered ${res.status}`);
		if (res.status < 500 && res.status !== 429) throw last;
	}
	throw last instanceof Error ? last : new Error('the network is not answering');
}

/**
 * Whether this site has the poll server behind it. Asked once per page: on a static host the
 * answer is a 404 (or a network error), and the poll controls stay hidden.
 */
let probed: Promise<boolean> | undefined;
export function hasPollServer(): Promise<boolean> {
	probed ??= fetch('/api/health', { cache: 'no-store' })
		.then(async (r) => r.ok && (await r.json()).ok === true)
		.catch(() => false);
	return probed;
}

export interface TeacherRoom {
	code: string;
	teacherKey: string;
	joinUrl: string;
}

const ROOM_KEY = 'strangers-poll-room';
const VOTER_KEY = 'strangers-poll-voter';

export function savedRoom(): TeacherRoom | null {
	try {
		const room = JSON.parse(localStorage.getItem(ROOM_KEY) ?? 'null');
		return room && typeof room.code === 'string' && typeof room.teacherKey === 'string'
			? room
			: null;
	} catch {
		return null;
	}
}

export function saveRoom(room: TeacherRoom | null) {
	try {
		if (room) localStorage.setItem(ROOM_KEY, JSON.stringify(room));
		else localStorage.removeItem(ROOM_KEY);
	} catch {
		// Private browsing without storage: the room lives as long as the page.
	}
}

/** A random id for this phone, kept so a reload or a retry is the same ballot, not a second one. */
export function voterId(): string {
	const make = () => {
		const bytes = crypto.getRandomValues(new Uint8Array(18));
		return btoa(String.fromCharCode(...bytes))
			.replace(/\+/g, '-')
			.replace(/\//g, '_');
	};
	try {
		let id = localStorage.getItem(VOTER_KEY);
		if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
			id = make();
			localStorage.setItem(VOTER_KEY, id);
		}
		return id;
	} catch {
		return make();
	}
}

const roomPath = (code: string) => `/api/rooms/${encodeURIComponent(code)}`;

export const pollApi = {
	createRoom: () => request<TeacherRoom>('/api/rooms', { method: 'POST', body: {} }),
	open: (room: TeacherRoom, body: PollSpec | { poll: string }) =>
		request<Poll>(`${roomPath(room.code)}/poll`, { method: 'POST', body, key: room.teacherKey }),
	close: (room: TeacherRoom) =>
		request(`${roomPath(room.code)}/poll/close`, {
			method: 'POST',
			body: {},
			key: room.teacherKey
		}),
	results: (code: string) => request<Results>(`${roomPath(code)}/results`, { tries: 1 }),
	vote: (code: string, pollId: string, option: string) =>
		request<{ counts: Record<string, number>; total: number }>(`${roomPath(code)}/votes`, {
			method: 'POST',
			body: { pollId, option, voter: voterId() }
		}),
	answer: (code: string, pollId: string, text: string) =>
		request<{ id: string; text: string }>(`${roomPath(code)}/answers`, {
			method: 'POST',
			body: { pollId, text, voter: voterId() }
		}),
	teacherAnswers: (room: TeacherRoom, pollId: string) =>
		request<{ answers: TeacherAnswer[] }>(
			`${roomPath(room.code)}/answers?poll=${encodeURIComponent(pollId)}`,
			{ key: room.teacherKey, tries: 2 }
		),
	hide: (room: TeacherRoom, id: string, hidden: boolean) =>
		request(`${roomPath(room.code)}/answers/${encodeURIComponent(id)}/hide`, {
			method: 'POST',
			body: { hidden },
			key: room.teacherKey
		}),
	summary: (room: TeacherRoom) =>
		request<RoomSummary>(`${roomPath(room.code)}/summary`, { key: room.teacherKey, tries: 2 }),
	eventsUrl: (code: string) => `${roomPath(code)}/events`,
	slide: (room: TeacherRoom, step: string) =>
		request<SlideState>(`${roomPath(room.code)}/slide`, {
			method: 'POST',
			body: { step },
			key: room.teacherKey
		}),
	pacing: (room: TeacherRoom, mode: Pacing) =>
		request<SlideState>(`${roomPath(room.code)}/pacing`, {
			method: 'POST',
			body: { mode },
			key: room.teacherKey
		}),
	reader: (code: string, chapter: string) =>
		request<{ chapter: string }>(`${roomPath(code)}/reader`, {
			method: 'POST',
			body: { chapter, reader: voterId() },
			tries: 2
		}),
	chapters: (room: TeacherRoom) =>
		request<{ counts: Record<string, number>; total: number }>(`${roomPath(room.code)}/chapters`, {
			key: room.teacherKey,
			tries: 1
		}),
	async csv(room: TeacherRoom): Promise<Blob> {
		const res = await fetch(`${roomPath(room.code)}/results.csv`, {
			headers: { Authorization: `Bearer ${room.teacherKey}` }
		});
		if (!res.ok) throw new ApiError(res.status, 'the results could not be downloaded');
		return res.blob();
	}
};
