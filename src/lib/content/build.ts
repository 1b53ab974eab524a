/**
 * The build stage: checked content turned into what the pages render. Markdown becomes HTML,
 * citation marks become numbered links, quotations are attached to their steps. It runs only on
 * content that passed every check, so it records no problems.
 */
import type { FeatureId, SceneId } from './vocabulary';
import { CITATION, countWords, plain, renderBlock, renderInline, typeset } from './markdown';
import type { CitationTarget, LinkOptions } from './markdown';
import type { ContentFiles } from './read';
import { graphicFor } from './graphics';
import type { Chapter, Content, Quote, Source, Step } from './types';

/** The sources a Markdown field cites, each once, in the order of first mention. */
export function citedIn(md: string): string[] {
	return [...new Set([...md.matchAll(CITATION)].map((m) => m[1]!))];
}

function buildChapters(
	f: ContentFiles,
	targets: Map<string, CitationTarget>,
	links: LinkOptions
): Chapter[] {
	const quotes = new Map(
		f.quotes.data.quotes.map((q) => [q.id, { ...q, display: typeset(q.text) }])
	);
	return f.chapters.map(({ data }, n) => {
		const steps: Step[] = data.steps.map((s, index) => ({
			id: s.id,
			chapter: data.id,
			index,
			html: renderBlock(s.text, targets, links),
			plain: plain(s.text),
			state: s.state,
			alt: s.alt,
			notes: renderBlock(s.notes, targets, links),
			quote: s.quote ? quotes.get(s.quote) : undefined,
			citations: citedIn(s.text),
			focus: s.focus ?? [],
			point: s.point
		}));
		return {
			id: data.id,
			n,
			title: data.title,
			kind: data.kind,
			scene: data.scene as SceneId,
			feature: data.feature as FeatureId | undefined,
			readings: data.readings ?? [],
			sceneData: data.sceneData ?? {},
			steps,
			questions: (data.questions ?? []).map((q) => renderInline(q, targets, links))
		};
	});
}

/**
 * `links`: where the chapters' own text (steps, speaker notes, questions) sends its citation
 * marks; a deck shown away from the article points them at the article's sources list.
 */
export function buildContent(f: ContentFiles, links: LinkOptions = {}): Content {
	const sources = f.sources.data.sources;
	const targets = new Map<string, CitationTarget>(
		sources.map((s, i) => [s.id, { n: i + 1, headline: s.headline }])
	);
	const inline = (md: string) => renderInline(md, targets);
	const chapters = buildChapters(f, targets, links);
	const steps = chapters.flatMap((c) => c.steps);
	const words = steps.reduce((sum, step) => sum + countWords(step.plain), 0);
	const story = f.story.data;
	const quotes: Quote[] = f.quotes.data.quotes.map((q) => ({ ...q, display: typeset(q.text) }));
	const content: Content = {
		story: {
			title: story.title,
			dek: story.dek,
			description: story.description,
			spoiler: {
				html: inline(story.spoiler.text),
				button: story.spoiler.button,
				chapter: story.spoiler.chapter
			},
			scrollHint: story.scrollHint,
			credits: inline(story.credits),
			kicker: story.kicker,
			headline: `${story.title}: ${story.kicker.charAt(0).toLowerCase()}${story.kicker.slice(1)}`,
			film: story.film,
			imageAlt: story.image.alt,
			words,
			// About 230 words a minute, plus time to look at the pictures and the interactive parts.
			readingMinutes: Math.max(1, Math.round(words / 230 + chapters.length * 0.25))
		},
		chapters,
		sources: sources.map((s, i): Source => ({
			...s,
			n: i + 1,
			about: inline(s.about),
			citedBy: steps.filter((step) => step.citations.includes(s.id)).map((step) => step.id)
		})),
		quotes,
		beats: f.beats.data.beats.map((b) => ({ ...b, summary: inline(b.summary) })),
		readings: f.readings.data.readings.map((r) => ({
			id: r.id,
			name: r.name,
			summary: inline(r.summary),
			heldBy: r.heldBy.map(inline),
			for: r.for.map(inline),
			against: r.against.map(inline),
			gist: r.gist,
			verdicts: Object.fromEntries(
				Object.entries(r.verdicts).map(([k, v]) => [
					k,
					{ verdict: v.verdict, reason: inline(v.reason) }
				])
			)
		})),
		moments: f.evidence.data.moments,
		clues: f.evidence.data.clues.map((c) => ({
			...c,
			clue: inline(c.clue),
			suggests: inline(c.suggests)
		})),
		disagreements: f.disagreements.data.points.map((p) => ({
			id: p.id,
			topic: p.topic,
			claims: p.claims.map((c) => ({ source: c.source, says: inline(c.says) })),
			conclusion: inline(p.conclusion),
			reason: inline(p.reason)
		}))
	};
	// Each reading chapter's graphic, drawn from the same objects the page already holds.
	for (const c of content.chapters) c.graphic = graphicFor(c, content);
	return content;
}
