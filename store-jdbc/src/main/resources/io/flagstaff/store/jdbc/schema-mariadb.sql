create table if not exists ${prefix}documents (
	kind varchar(16) not null,
	name varchar(255) not null,
	version bigint not null,
	document longtext not null,
	updated_at datetime(3) not null,
	updated_by varchar(255) not null,
	primary key (kind, name)
);
create table if not exists ${prefix}audit (
	id bigint not null auto_increment primary key,
	name varchar(255) not null,
	action varchar(32) not null,
	actor varchar(255) not null,
	at datetime(3) not null,
	reason text,
	old_document longtext,
	new_document longtext
);
create index if not exists ${prefix}audit_name on ${prefix}audit (name, id);
create table if not exists ${prefix}revision (
	id integer not null primary key,
	revision bigint not null
);
insert ignore into ${prefix}revision (id, revision) values (1, 0);
