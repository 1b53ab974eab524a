/** The two lit flats of the tower block, where every drawing of it puts them (parts/Tower.svelte). */
export const ADAM = { name: 'adam', row: 2, col: 3 };
export const HARRY = { name: 'harry', row: 9, col: 1 };
