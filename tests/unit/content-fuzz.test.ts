/**
 * Bad content, at random: the real content/ is copied to a temp dir, one file is mutated with a
 * seeded PRNG, and the loader must answer with a ContentError whose every problem names a file
 * under content/ (and at least one names the mutated file), never another kind of error and
 * never a silent pass. Each mutator is built so that its mutation must fail; the one class of
 * provably harmless mutation (dropping an optional field) is checked to load.
 *
 * Reproduce a run: FUZZ_SEED=<seed> npx vitest run tests/unit/content-fuzz.test.ts
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	Document,
	isMap,
	isPair,
	isScalar,
	isSeq,
	parseDocument,
	Scalar,
	YAMLMap,
	YAMLSeq
} from 'yaml';
import { ContentError, loadContent } from '$lib/content/load';
import { loadPolls } from '$lib/content/polls';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');
const SEED = Number(process.env.FUZZ_SEED ?? 20231222);
const RUNS_PER_MUTATOR = 35;

/** mulberry32: small, fast, seeded. */
function prng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (n: number) => Math.floor(next() * n),
		pick<T>(xs: readonly T[]): T {
			if (!xs.length) throw new Error('pick from nothing');
			return xs[Math.floor(next() * xs.length)]!;
		}
	};
}
type Rng = ReturnType<typeof prng>;

type Path = (string | number)[];
interface Site {
	path: Path;
	/** the map or sequence holding it */
	parent: YAMLMap | YAMLSeq;
	key: string | number;
	value: unknown;
}

/** Every key/value and sequence item in a document, with its path. */
function sites(doc: Document): Site[] {
	const out: Site[] = [];
	const walk = (node: unknown, path: Path) => {
		if (isMap(node)) {
			for (const pair of node.items) {
				if (!isPair(pair)) continue;
				const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
				out.push({ path: [...path, key], parent: node, key, value: pair.value });
				walk(pair.value, [...path, key]);
			}
		} else if (isSeq(node)) {
			node.items.forEach((item, i) => {
				out.push({ path: [...path, i], parent: node, key: i, value: item });
				walk(item, [...path, i]);
			});
		}
	};
	walk(doc.contents, []);
	return out;
}

const stringScalar = (v: unknown): v is Scalar<string> =>
	isScalar(v) && typeof v.value === 'string';
const under = (p: Path, key: string) => p.includes(key);

/** Keys the schema marks optional: dropping one is provably harmless. */
const OPTIONAL = new Set(['author', 'date', 'quote', 'questions', 'focus']);
/** Keys whose drop is neither required-fails nor provably harmless (context-dependent). */
const UNCLASSIFIED = new Set(['feature', 'readings', 'sceneData']);
/** Markdown fields whose citations and quotations the loader checks (content/README.md). */
const MARKDOWN_KEYS = new Set([
	'text',
	'summary',
	'reason',
	'says',
	'conclusion',
	'notes',
	'clue',
	'suggests',
	'heldBy',
	'for',
	'against',
	'questions'
]);

interface Workspace {
	root: string;
	/** relative paths under content/, e.g. chapters/01-tower.yaml */
	files: string[];
	original: Map<string, string>;
	docs: Map<string, Document>;
	/** chapter and step ids: one namespace across all chapter files */
	globalIds: string[];
}

interface Mutation {
	file: string;
	text: string;
	what: string;
	expect: 'error' | 'ok';
	/** extra files to write, for mutations that span files */
	also?: { file: string; text: string }[];
}

type Mutator = (ws: Workspace, rng: Rng) => Mutation | null;

const isQuotesFile = (f: string) => f === 'quotes.yaml';
const serialise = (doc: Document) => doc.toString({ lineWidth: 0, minContentWidth: 0 });

function cloneDoc(ws: Workspace, file: string): Document {
	return ws.docs.get(file)!.clone();
}

/** Drop a required field: every field not marked optional in src/lib/content/schema.ts. */
const dropRequired: Mutator = (ws, rng) => {
	const file = rng.pick(ws.files);
	const doc = cloneDoc(ws, file);
	const candidates = sites(doc).filter(
		(s) =>
			typeof s.key === 'string' &&
			!OPTIONAL.has(s.key) &&
			!UNCLASSIFIED.has(s.key) &&
			!under(s.path.slice(0, -1), 'sceneData')
	);
	if (!candidates.length) return null;
	const site = rng.pick(candidates);
	(site.parent as YAMLMap).delete(site.key);
	return { file, text: serialise(doc), what: `drop ${site.path.join('.')}`, expect: 'error' };
};

/** Drop an optional field: must still load (the harmless class). */
const dropOptional: Mutator = (ws, rng) => {
	const file = rng.pick(ws.files);
	const doc = cloneDoc(ws, file);
	const candidates = sites(doc).filter((s) => typeof s.key === 'string' && OPTIONAL.has(s.key));
	if (!candidates.length) return null;
	const site = rng.pick(candidates);
	(site.parent as YAMLMap).delete(site.key);
	return { file, text: serialise(doc), what: `drop optional ${site.path.join('.')}`, expect: 'ok' };
};

/** Give an item the id of another in the same namespace. */
const duplicateId: Mutator = (ws, rng) => {
	const file = rng.pick(ws.files);
	const doc = cloneDoc(ws, file);
	const ids = sites(doc).filter((s) => s.key === 'id' && stringScalar(s.value));
	if (!ids.length) return null;
	const site = rng.pick(ids);
	const current = (site.value as Scalar<string>).value;
	let pool: string[];
	if (file.startsWith('chapters/')) pool = ws.globalIds;
	else {
		// a list file: the same list (sources, quotes, beats, readings, clues, points)
		const list = site.path[0];
		pool = ids.filter((s) => s.path[0] === list).map((s) => (s.value as Scalar<string>).value);
	}
	pool = pool.filter((id) => id !== current);
	if (!pool.length) return null;
	const dup = rng.pick(pool);
	(site.value as Scalar<string>).value = dup;
	return {
		file,
		text: serialise(doc),
		what: `${site.path.join('.')}: "${current}" -> duplicate "${dup}"`,
		expect: 'error'
	};
};

/** Text-level damage that no YAML parser accepts, at the start of a random line. */
const breakSyntax: Mutator = (ws, rng) => {
	const file = rng.pick(ws.files);
	const lines = ws.original.get(file)!.split('\n');
	const breakers = [
		']',
		'}',
		'key: [unclosed, flow',
		'key: { unclosed: map',
		'"an unterminated string',
		'\t- a tab for indentation',
		': a value without a key',
		'- a: b\n  c'
	];
	const at = rng.int(lines.length + 1);
	const breaker = rng.pick(breakers);
	lines.splice(at, 0, breaker);
	return {
		file,
		text: lines.join('\n'),
		what: `insert ${JSON.stringify(breaker)} at line ${at + 1}`,
		expect: 'error'
	};
};

/** Empty a string value (every string field is non-empty, an id, an enum or a date). */
const emptyString: Mutator = (ws, rng) => {
	const file = rng.pick(ws.files);
	const doc = cloneDoc(ws, file);
	const candidates = sites(doc).filter((s) => stringScalar(s.value));
	if (!candidates.length) return null;
	const site = rng.pick(candidates);
	const blank = rng.pick(['', ' ', '   \n  ']);
	(site.value as Scalar<string>).value = blank;
	return {
		file,
		text: serialise(doc),
		what: `empty ${site.path.join('.')} (${JSON.stringify(blank)})`,
		expect: 'error'
	};
};

/** Point a reference at something that does not exist. */
const unknownReference: Mutator = (ws, rng) => {
	const file = rng.pick(ws.files);
	const doc = cloneDoc(ws, file);
	const unknown = `nosuch-${rng.int(1e6)}`;
	const all = sites(doc);
	const kinds: { label: string; apply: () => boolean }[] = [];
	// [^source] citation marks in any checked Markdown field
	const marked = all.filter(
		(s) => stringScalar(s.value) && /\[\^[a-z0-9-]+\]/.test((s.value as Scalar<string>).value)
	);
	const checkedMarks = marked.filter((s) => s.path.some((k) => MARKDOWN_KEYS.has(String(k))));
	if (checkedMarks.length)
		kinds.push({
			label: 'citation',
			apply: () => {
				const s = rng.pick(checkedMarks);
				const v = s.value as Scalar<string>;
				const marks = [...v.value.matchAll(/\[\^[a-z0-9-]+\]/g)];
				const m = rng.pick(marks);
				v.value =
					v.value.slice(0, m.index) + `[^${unknown}]` + v.value.slice(m.index + m[0].length);
				return true;
			}
		});
	const field = (key: string, label = key) => {
		const hits = all.filter(
			(s) =>
				(s.key === key || (typeof s.key === 'number' && s.path.at(-2) === key)) &&
				stringScalar(s.value)
		);
		if (hits.length)
			kinds.push({
				label,
				apply: () => {
					(rng.pick(hits).value as Scalar<string>).value = unknown;
					return true;
				}
			});
	};
	if (file.startsWith('chapters/')) {
		field('quote');
		field('scene');
		field('state');
		field('readings', 'reading');
		field('feature');
	}
	if (file === 'evidence.yaml') field('citations', 'source');
	if (file === 'disagreements.yaml') field('source');
	if (file === 'beats.yaml') field('chapter');
	if (file === 'readings.yaml') {
		const verdicts = all.filter((s) => s.path.length === 4 && s.path[2] === 'verdicts');
		if (verdicts.length)
			kinds.push({
				label: 'beat',
				apply: () => {
					const s = rng.pick(verdicts);
					const map = s.parent as YAMLMap;
					const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === s.key)!;
					pair.key = new Scalar(unknown);
					return true;
				}
			});
	}
	if (!kinds.length) return null;
	const kind = rng.pick(kinds);
	kind.apply();
	return {
		file,
		text: serialise(doc),
		what: `unknown ${kind.label} "${unknown}"`,
		expect: 'error'
	};
};

/** A quotation nobody said, put in double quotation marks inside a Markdown field. */
const insertQuotation: Mutator = (ws, rng) => {
	const file = rng.pick(ws.files.filter((f) => !isQuotesFile(f)));
	const doc = cloneDoc(ws, file);
	const candidates = sites(doc).filter(
		(s) =>
			stringScalar(s.value) &&
			s.path.some((k) => MARKDOWN_KEYS.has(String(k))) &&
			!under(s.path, 'sceneData')
	);
	if (!candidates.length) return null;
	const site = rng.pick(candidates);
	const v = site.value as Scalar<string>;
	const words = ['the', 'tower', 'was', 'never', 'there', 'at', 'all', 'said', 'nobody'];
	const phrase = Array.from({ length: 3 + rng.int(5) }, () => rng.pick(words)).join(' ');
	const [open, close] = rng.pick([
		['"', '"'],
		['“', '”']
	] as const);
	// Outside any existing quotation: a mark inside one would pair with its marks instead.
	const quoted = [...v.value.matchAll(/[“"][^“”"]+[”"]/g)].map((m) => [
		m.index,
		m.index + m[0].length
	]);
	const spaces = [...v.value.matchAll(/ /g)]
		.map((m) => m.index)
		.filter((i) => !quoted.some(([a, b]) => i >= a! && i < b!));
	const at = spaces.length ? rng.pick(spaces) : v.value.length;
	v.value = `${v.value.slice(0, at)} ${open}${phrase} xq${rng.int(1e6)}${close}${v.value.slice(at)}`;
	return {
		file,
		text: serialise(doc),
		what: `quotation into ${site.path.join('.')}`,
		expect: 'error'
	};
};

const MUTATORS: [string, Mutator][] = [
	['drop a required field', dropRequired],
	['duplicate an id', duplicateId],
	['break the YAML syntax', breakSyntax],
	['empty a string', emptyString],
	['change a reference to an unknown one', unknownReference],
	['insert a quotation not in the list', insertQuotation],
	['drop an optional field (harmless)', dropOptional]
];

let ws: Workspace;

function listYaml(root: string): string[] {
	return readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.yaml'))
		.map((f) => f.split('\\').join('/'))
		.sort();
}

beforeAll(() => {
	const root = join(mkdtempSync(join(tmpdir(), 'content-fuzz-')), 'content');
	cpSync(CONTENT, root, { recursive: true });
	const files = listYaml(root);
	const original = new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
	const docs = new Map(files.map((f) => [f, parseDocument(original.get(f)!)]));
	const globalIds = files
		.filter((f) => f.startsWith('chapters/'))
		.flatMap((f) =>
			sites(docs.get(f)!)
				.filter((s) => s.key === 'id' && stringScalar(s.value))
				.filter((s) => s.path.length === 1 || (s.path[0] === 'steps' && s.path.length === 3))
				.map((s) => (s.value as Scalar<string>).value)
		);
	ws = { root, files, original, docs, globalIds };
});

afterAll(() => {
	if (ws) rmSync(join(ws.root, '..'), { recursive: true, force: true });
});

/** Loads with one file replaced; restores it afterwards. */
function attempt(m: Mutation): { ok: true } | { ok: false; error: unknown } {
	const writes = [{ file: m.file, text: m.text }, ...(m.also ?? [])];
	for (const w of writes) writeFileSync(join(ws.root, w.file), w.text);
	try {
		const content = loadContent(ws.root);
		// polls.yaml's own mutations must be caught. A poll pinned to a discussion slide rightly
		// fails when a chapter loses its questions, so story mutations are judged by the story alone.
		if (m.file === 'polls.yaml') loadPolls(ws.root, content);
		return { ok: true };
	} catch (error) {
		return { ok: false, error };
	} finally {
		for (const w of writes) writeFileSync(join(ws.root, w.file), ws.original.get(w.file)!);
	}
}

const PROBLEM = /^content\/[a-z0-9/_.-]+\.yaml(:\d+)? /;

describe('content fuzz', () => {
	it('the real content loads, also after a round trip through the YAML serialiser', () => {
		expect(() => loadContent(ws.root)).not.toThrow();
		for (const file of ws.files) {
			const r = attempt({ file, text: serialise(cloneDoc(ws, file)), what: 'none', expect: 'ok' });
			expect(r, `content/${file} after a round trip`).toEqual({ ok: true });
		}
	}, 60_000);

	// sources.yaml's `about` is Markdown (schema.ts) rendered on the page, so the rules of
	// content/README.md hold there too: quotations word for word, citations to known sources.
	it('rejects a quotation not in the list inside sources[].about', () => {
		const doc = cloneDoc(ws, 'sources.yaml');
		const about = sites(doc).find((s) => s.path[2] === 'about' && stringScalar(s.value))!;
		(about.value as Scalar<string>).value += ' "Words nobody ever said xq1."';
		const r = attempt({ file: 'sources.yaml', text: serialise(doc), what: '', expect: 'error' });
		expect(r.ok, 'a made-up quotation in sources.yaml about loads silently').toBe(false);
	});

	it('rejects an unknown citation inside sources[].about', () => {
		const doc = cloneDoc(ws, 'sources.yaml');
		const about = sites(doc).find((s) => s.path[2] === 'about' && stringScalar(s.value))!;
		(about.value as Scalar<string>).value += ' Cited.[^nosuch-source]';
		const r = attempt({ file: 'sources.yaml', text: serialise(doc), what: '', expect: 'error' });
		expect(r.ok, 'a dangling [^nosuch-source] in sources.yaml about loads silently').toBe(false);
	});

	MUTATORS.forEach(([name, mutate], index) => {
		it(`${name}: ${RUNS_PER_MUTATOR} seeded runs`, () => {
			const rng = prng(SEED + index * 7919);
			const failures: string[] = [];
			let runs = 0;
			for (let tries = 0; runs < RUNS_PER_MUTATOR && tries < RUNS_PER_MUTATOR * 20; tries++) {
				const m = mutate(ws, rng);
				if (!m) continue;
				runs++;
				const label = `seed ${SEED}, ${name} #${runs}: content/${m.file}, ${m.what}`;
				const r = attempt(m);
				if (m.expect === 'ok') {
					if (!r.ok)
						failures.push(
							`${label}: should load, threw ${r.error instanceof ContentError ? r.error.problems.join(' | ') : String(r.error)}`
						);
					continue;
				}
				if (r.ok) {
					failures.push(`${label}: loaded without a problem (silent pass)`);
					continue;
				}
				if (!(r.error instanceof ContentError)) {
					failures.push(`${label}: crashed with ${String(r.error)}`);
					continue;
				}
				const problems = r.error.problems;
				if (!problems.length) failures.push(`${label}: a ContentError with no problems`);
				const unnamed = problems.filter((p) => !PROBLEM.test(p));
				if (unnamed.length)
					failures.push(`${label}: problems not naming a file: ${unnamed.join(' | ')}`);
				if (!problems.some((p) => p.includes(`content/${m.file}`)))
					failures.push(`${label}: no problem names content/${m.file}: ${problems.join(' | ')}`);
			}
			expect(runs, 'the mutator found nothing to mutate').toBe(RUNS_PER_MUTATOR);
			expect(failures).toEqual([]);
		}, 60_000);
	});
});
