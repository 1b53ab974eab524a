import type { SceneId, FeatureId } from './vocabulary';

export type ChapterKind = 'opening' | 'plot' | 'reading' | 'finale';
export type Verdict = 'real' | 'imagined' | 'open';

/** A Markdown field rendered to HTML at build time (citation marks become links). */
export type Html = string;

export interface Story {
	title: string;
	dek: string;
	description: string;
	spoiler: { html: Html; button: string };
	scrollHint: string;
	credits: Html;
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
	verdicts: Record<string, { verdict: Verdict; reason: Html }>;
}

export interface Clue {
	id: string;
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
	clues: Clue[];
	disagreements: Disagreement[];
}
