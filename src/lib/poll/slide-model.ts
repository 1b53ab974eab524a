/**
 * The class's slide as the room's event stream carries it (`event: slide`): the step the teacher
 * shows and who sets the pace. Shared by the server, the projector and the phones.
 */
export type Pacing = 'teacher' | 'student';
export const PACINGS: readonly Pacing[] = ['teacher', 'student'];

export interface SlideState {
	/** The slide id (a step id or `<chapter>--discussion`), or null before the first. */
	step: string | null;
	pacing: Pacing;
}

export const READER = /^[A-Za-z0-9_-]{16,64}$/;

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** `{ step }`, a slide of the deck. */
export function checkStep(body: unknown, slides: ReadonlySet<string>): Checked<string> {
	if (!isRecord(body)) return { ok: false, error: 'the body must be a JSON object' };
	const { step } = body;
	if (typeof step !== 'string' || !step || step.length > 120)
		return { ok: false, error: 'step must be a slide id' };
	if (!slides.has(step)) return { ok: false, error: `no slide "${step}" in the deck` };
	return { ok: true, value: step };
}

/** `{ mode }`, one of the two pacings. */
export function checkPacing(body: unknown): Checked<Pacing> {
	if (!isRecord(body)) return { ok: false, error: 'the body must be a JSON object' };
	const { mode } = body;
	if (!PACINGS.includes(mode as Pacing))
		return { ok: false, error: 'mode must be "teacher" or "student"' };
	return { ok: true, value: mode as Pacing };
}

/** `{ chapter, reader }`: a chapter of the deck and the phone's id (the voter id). */
export function checkReader(
	body: unknown,
	chapters: ReadonlySet<string>
): Checked<{ chapter: string; reader: string }> {
	if (!isRecord(body)) return { ok: false, error: 'the body must be a JSON object' };
	const { chapter, reader } = body;
	if (typeof chapter !== 'string' || !chapters.has(chapter))
		return { ok: false, error: 'chapter must be a chapter of the deck' };
	if (typeof reader !== 'string' || !READER.test(reader))
		return { ok: false, error: 'reader must be 16 to 64 letters, digits, dashes or underscores' };
	return { ok: true, value: { chapter, reader } };
}
