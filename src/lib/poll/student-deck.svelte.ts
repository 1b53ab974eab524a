/**
 * Which slide a phone shows. In a teacher-paced room it is the class's slide, unless the student
 * has paged away (then "Back to the class" returns them); in a student-paced room it is wherever
 * the student pages to, starting from the class's slide.
 */
import { clampIndex, type Deck } from '$lib/present/deck';
import type { SlideState } from './slide-model';

export class StudentDeck {
	/** Where the student paged to, or null while following the class. */
	own = $state<number | null>(null);

	constructor(
		readonly deck: Deck,
		private readonly live: () => SlideState | null
	) {}

	get pacing() {
		return this.live()?.pacing ?? 'teacher';
	}

	/** The class's slide, or null before the teacher shows one (or one this deck lacks). */
	get classIndex(): number | null {
		const step = this.live()?.step;
		return step ? (this.deck.byId.get(step) ?? null) : null;
	}

	get index(): number | null {
		return this.own ?? this.classIndex;
	}

	/** Paged away from the class in a teacher-paced room. */
	get away(): boolean {
		return this.pacing === 'teacher' && this.own !== null && this.own !== this.classIndex;
	}

	page(by: 1 | -1) {
		const from = this.index ?? 0;
		const to = clampIndex(this.deck, from + by);
		// Paging back onto the class's slide is following again.
		this.own = this.pacing === 'teacher' && to === this.classIndex ? null : to;
	}

	/** Follows the class again. */
	back() {
		this.own = null;
	}

	private lastPacing: string | undefined;

	/**
	 * Called on every change of pace. Student-paced, each phone stays where it is and the
	 * projector no longer moves it; teacher-paced again, every phone is with the class.
	 */
	paced() {
		const pacing = this.pacing;
		if (pacing === 'student' && this.own === null) this.own = this.classIndex;
		if (pacing === 'teacher' && this.lastPacing === 'student') this.own = null;
		this.lastPacing = pacing;
	}
}
