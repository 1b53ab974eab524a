/** What every check works on: parsed content files that can say where a field stands. */

export type Path = (string | number)[];

/** A parsed YAML file as the loader holds it: its name under content/ and a line finder. */
export interface LocatedFile {
	readonly name: string;
	line(path: Path, extraLines?: number): number;
}

export interface Located<T> {
	file: LocatedFile;
	data: T;
}

/** `steps[2].text`, from ['steps', 2, 'text']. */
export function fieldName(path: Path): string {
	return path.reduce<string>(
		(name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${key}` : key),
		''
	);
}

/** One problem in the loader's form: `content/<file>:<line> <field>: <message>`. */
export function problem(file: LocatedFile, path: Path, message: string, extraLines = 0): string {
	return `${file.name}:${file.line(path, extraLines)} ${fieldName(path) || '(file)'}: ${message}`;
}

/** Lines before `index` in a multi-line field, so a problem names the line it is on. */
export function linesBefore(text: string, index = 0): number {
	return (text.slice(0, index).match(/\n/g) ?? []).length;
}

/** The slice of a chapter file the checks read. */
export interface ChapterData {
	steps: { id: string; text: string }[];
}
