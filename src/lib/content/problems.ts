import { LineCounter, parseDocument, isScalar, type Document } from 'yaml';

/** Every problem found in content/, each as `file:line field: message`. */
export class ContentError extends Error {
	constructor(readonly problems: string[]) {
		super(`content/ has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
		this.name = 'ContentError';
	}
}

export type Path = (string | number)[];

/** A parsed YAML file that can say on which line any field of it stands. */
export class YamlFile {
	readonly doc: Document;
	private readonly lines = new LineCounter();

	constructor(
		readonly name: string,
		readonly source: string
	) {
		this.doc = parseDocument(source, { lineCounter: this.lines, prettyErrors: false });
	}

	/** The line of the deepest node along `path` that exists, plus `extraLines` inside it. */
	line(path: Path, extraLines = 0): number {
		for (let depth = path.length; depth >= 0; depth--) {
			const node = this.doc.getIn(path.slice(0, depth), true) as
				{ range?: [number, number, number]; type?: string } | undefined;
			if (node?.range) {
				// A block scalar's text starts on the line after its `|` indicator.
				const block =
					isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
				const line = this.lines.linePos(node.range[0]).line;
				return line + (depth === path.length ? extraLines + (block && extraLines ? 1 : 0) : 0);
			}
		}
		return 1;
	}
}

export function fieldName(path: Path): string {
	return path.reduce<string>(
		(name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${key}` : key),
		''
	);
}

export class Problems {
	readonly list: string[] = [];

	add(file: YamlFile, path: Path, message: string, extraLines = 0) {
		this.list.push(
			`${file.name}:${file.line(path, extraLines)} ${fieldName(path) || '(file)'}: ${message}`
		);
	}
}

/** Lines of `text` before `index`: where a mark stands inside a multi-line field. */
export function linesBefore(text: string, index = 0): number {
	return (text.slice(0, index).match(/\n/g) ?? []).length;
}
