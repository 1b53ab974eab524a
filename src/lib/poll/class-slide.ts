/**
 * The projector's side of the class's slide: each slide the teacher shows is posted to the room,
 * so the phones can follow. Rapid key presses collapse into one request, and whichever slide was
 * asked for last is always the one sent, after any request under way.
 */
import { pollApi, type TeacherRoom } from './client';

/** Long enough to skip the slides a held arrow key runs through, short enough to feel at once. */
const SETTLE_MS = 120;

export class SlideSender {
	private wanted: string | null = null;
	private sent: { code: string; step: string } | null = null;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private sending = false;

	constructor(private readonly room: () => TeacherRoom | null) {}

	/** The teacher is on `step` now. */
	show(step: string) {
		this.wanted = step;
		clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.flush(), SETTLE_MS);
	}

	/** A room was opened (or changed): the class learns the slide at once. */
	resend() {
		this.sent = null;
		if (this.wanted) this.show(this.wanted);
	}

	private async flush() {
		const room = this.room();
		const step = this.wanted;
		if (this.sending || !room || !step) return;
		if (this.sent?.code === room.code && this.sent.step === step) return;
		this.sending = true;
		try {
			await pollApi.slide(room, step);
			this.sent = { code: room.code, step };
		} catch {
			// Left unsent: the next slide change, or the room's next opening, sends it again.
		} finally {
			this.sending = false;
		}
		if (this.wanted !== step) void this.flush();
	}

	dispose() {
		clearTimeout(this.timer);
		this.wanted = null;
	}
}
