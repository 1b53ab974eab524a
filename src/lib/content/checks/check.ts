import type { Problems } from '../problems';
import type { ContentFiles } from '../read';

/**
 * One cross-file rule over content/. It reads the parsed files and records every problem it finds
 * (`problems.add(file, path, message)`); it never throws and never changes the files.
 */
export type Check = (files: ContentFiles, problems: Problems) => void;
