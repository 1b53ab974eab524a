/**
 * The teacher's list of an open poll's answers, hidden ones included: read from the API (the
 * room's stream never carries hidden answers) each time the stream says the answers changed.
 */
import type { TeacherAnswer } from './answers';
import { pollApi, type TeacherRoom } from './client';

export class TeacherAnswers {
	list = $state<TeacherAnswer[]>([]);
	message = $state('');
	/** Only the latest read lands, so a slow answer cannot overwrite a newer list. */
	private seq = 0;

	async refresh(room: TeacherRoom, pollId: string) {
		const n = ++this.seq;
		try {
			const { answers } = await pollApi.teacherAnswers(room, pollId);
			if (n === this.seq) this.list = answers;
		} catch (e) {
			if (n === this.seq) this.message = `Could not read the answers: ${(e as Error).message}`;
		}
	}

	async setHidden(room: TeacherRoom, id: string, hidden: boolean) {
		this.message = '';
		this.list = this.list.map((a) => (a.id === id ? { ...a, hidden } : a));
		try {
			await pollApi.hide(room, id, hidden);
		} catch (e) {
			this.list = this.list.map((a) => (a.id === id ? { ...a, hidden: !hidden } : a));
			this.message = `Could not ${hidden ? 'hide' : 'show'} the answer: ${(e as Error).message}`;
		}
	}
}
