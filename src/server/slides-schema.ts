/** The tables of slides.ts, created with the poll's own (db.ts). */
export const SLIDES_SCHEMA = `
create table if not exists room_slides (
	room text primary key references rooms(code) on delete cascade,
	step text,
	pacing text not null default 'teacher',
	at timestamptz not null default now()
);
create table if not exists room_readers (
	room text not null references rooms(code) on delete cascade,
	reader text not null,
	chapter text not null,
	at timestamptz not null default now(),
	primary key (room, reader)
);
`;
