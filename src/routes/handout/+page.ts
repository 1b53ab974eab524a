// A sheet to print: it needs no JavaScript, so the page ships none and carries no hydration data.
export const csr = false;
