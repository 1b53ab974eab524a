/** The open answers' tables, run after the poll's own schema in db.ts. */
// `if not exists` makes it safe to run on every start, on a database made before answers existed.
export const ANSWERS_SCHEMA = `
alter table polls add column if not exists kind text not null default 'choice';
create table if not exists answers (
	id text primary key,
	poll_id text not null references polls(id) on delete cascade,
	voter text not null,
	body text not null,
	hidden boolean not null default false,
	at timestamptz not null default clock_timestamp(),
	unique (poll_id, voter)
);
create index if not exists answers_poll on answers (poll_id, at);
`;
