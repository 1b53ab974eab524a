import type { SceneId, FeatureId } from './vocabulary';

export type ChapterKind = 'opening' | 'plot' | 'reading' | 'finale';
export type Verdict = 'real' | 'imagined' | 'open';

/** A Markdown field rendered to HTML at build time (citation marks become links). */
export type Html = string;

export interface Story {
	title: string;
	dek: string;
	description: string;
	/** `chapter`: the one line a chapter's embed carries in its place. */
	spoiler: { html: Html; button: string; chapter: string };
	scrollHint: string;
	credits: Html;
	/** The line above the title (story.yaml `kicker`). */
	kicker: string;
	/** `<title>: <kicker, first letter lower-cased>`, for page titles, previews and search. */
	headline: string;
	film: { year: number; director: string };
	/** Alt text of the link-preview image. */
	imageAlt: string;
	words: number;
	readingMinutes: number;
}

export interface Source {
	id: string;
	/** The number its citation marks show. */
	n: number;
	file: string;
	headline: string;
	author?: string;
	date?: string;
	about: Html;
	/** A short name for graphics: column heads, badges. */
	short: string;
	/** Ids of the steps that cite it, in reading order. */
	citedBy: string[];
}

export interface Quote {
	id: string;
	speaker: string;
	role: string;
	venue: string;
	source: string;
	/** Word for word, as listed (what the quotation check compares against). */
	text: string;
	/** The same words typeset for display: curly quotation marks and apostrophes. */
	display: string;
}

export interface Step {
	id: string;
	chapter: string;
	/** Position within its chapter, from 0. */
	index: number;
	html: Html;
	/** The text with Markdown and citation marks removed (speaker view, announcements). */
	plain: string;
	state: string;
	alt: string;
	notes: Html;
	quote?: Quote;
	citations: string[];
	/** Ids of what the chapter's graphic brings forward at this step (clues, readings, beats...). */
	focus?: string[];
	/** A disagreement point the chapter's graphic sets out beside this step. */
	point?: string;
}

export interface Chapter {
	id: string;
	/** Position in reading order, from 0. */
	n: number;
	title: string;
	kind: ChapterKind;
	scene: SceneId;
	feature?: FeatureId;
	readings: string[];
	sceneData: Record<string, string>;
	steps: Step[];
	questions: Html[];
	/** What a reading chapter's graphic draws, gathered from content/ at build time. */
	graphic?: Graphic;
}

export interface Beat {
	id: string;
	label: string;
	chapter: string;
	summary: Html;
}

export interface Reading {
	id: string;
	name: string;
	summary: Html;
	heldBy: Html[];
	for: Html[];
	against: Html[];
	/** One plain line beside the name. */
	gist: string;
	verdicts: Record<string, { verdict: Verdict; reason: Html }>;
}

/** A moment a clue points to: by then, Harry was dead. */
export interface Moment {
	id: string;
	label: string;
	/** The id of the beat by which, on this moment, Harry was dead: where the timeline draws it. */
	beat: string;
}

export interface Clue {
	id: string;
	/** The clue in a few plain words, as the board draws it. */
	label: string;
	/** The id of the moment it points to. */
	moment: string;
	/** The id of the beat at which the clue appears in the film. */
	seen: string;
	clue: Html;
	suggests: Html;
	citations: string[];
}

export interface Disagreement {
	id: string;
	topic: string;
	claims: { source: string; says: Html }[];
	conclusion: Html;
	reason: Html;
}

export interface Content {
	story: Story;
	chapters: Chapter[];
	sources: Source[];
	quotes: Quote[];
	beats: Beat[];
	readings: Reading[];
	moments: Moment[];
	clues: Clue[];
	disagreements: Disagreement[];
}

/** One row of the sources matrix: how many of a chapter's steps cite each source. */
export interface SourceRow {
	id: string;
	title: string;
	/** Per source, in the order of `sources`. */
	counts: number[];
	/** The chapter's steps, and those of them that cite a single source. */
	steps: number;
	alone: number;
}

/** The data each reading chapter's graphic draws, by the chapter's feature. */
export type Graphic =
	| { kind: 'evidence'; moments: Moment[]; clues: Clue[]; sources: Source[]; beats: Beat[] }
	| {
			kind: 'readings';
			readings: Reading[];
			beats: Beat[];
			points: Disagreement[];
			sources: Source[];
	  }
	| { kind: 'lenses'; readings: Reading[]; beats: Beat[] }
	| { kind: 'quotes'; quotes: Quote[]; sources: Source[] }
	| { kind: 'disagreements'; points: Disagreement[]; sources: Source[] }
	| { kind: 'sources'; sources: Source[]; rows: SourceRow[] };
