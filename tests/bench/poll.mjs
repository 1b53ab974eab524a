// `npm run bench:poll`: one class on one process (poll-class.mjs);
// `npm run bench:poll -- --district`: ten schools on two processes and one PostgreSQL
// (poll-district.mjs). Run `npm run build` first.
await import(process.argv.includes('--district') ? './poll-district.mjs' : './poll-class.mjs');
