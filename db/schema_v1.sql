CREATE TABLE body (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	short_name VARCHAR NOT NULL, 
	host_authority VARCHAR NOT NULL, 
	contact_name VARCHAR NOT NULL, 
	contact_email VARCHAR NOT NULL, 
	contact_phone VARCHAR NOT NULL, 
	website VARCHAR NOT NULL, 
	quorum INTEGER NOT NULL, 
	next_minute_number INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT quorum_not_negative CHECK (quorum >= 0), 
	CONSTRAINT next_minute_number_positive CHECK (next_minute_number >= 1), 
	CONSTRAINT name_not_blank CHECK (length(trim(name)) > 0), 
	UNIQUE (name)
);

CREATE TABLE person (
	id INTEGER NOT NULL, 
	title VARCHAR NOT NULL, 
	full_name VARCHAR NOT NULL, 
	honours VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT full_name_not_blank CHECK (length(trim(full_name)) > 0)
);

CREATE INDEX ix_person_full_name ON person (full_name);

CREATE TABLE meeting (
	id INTEGER NOT NULL, 
	body_id INTEGER NOT NULL, 
	date DATE NOT NULL, 
	scheduled_start TIME NOT NULL, 
	venue VARCHAR NOT NULL, 
	livestream_url VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	actual_start DATETIME, 
	actual_end DATETIME, 
	chair_person_id INTEGER, 
	minutes_status VARCHAR NOT NULL, 
	approved_at_meeting_id INTEGER, 
	signed_on DATE, 
	previous_meeting_id INTEGER, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT status_allowed CHECK (status IN ('planned', 'live', 'closed')), 
	CONSTRAINT minutes_status_allowed CHECK (minutes_status IN ('draft', 'approved', 'signed')), 
	CONSTRAINT uq_meeting_id_body UNIQUE (id, body_id), 
	CONSTRAINT times_in_order CHECK (actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start), 
	FOREIGN KEY(body_id) REFERENCES body (id) ON DELETE CASCADE, 
	FOREIGN KEY(chair_person_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(approved_at_meeting_id) REFERENCES meeting (id) ON DELETE SET NULL, 
	FOREIGN KEY(previous_meeting_id) REFERENCES meeting (id) ON DELETE SET NULL
);

CREATE INDEX ix_meeting_body_date ON meeting (body_id, date);

CREATE TABLE membership (
	id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	body_id INTEGER NOT NULL, 
	role VARCHAR NOT NULL, 
	represents VARCHAR NOT NULL, 
	role_text VARCHAR NOT NULL, 
	voting BOOLEAN NOT NULL, 
	start_date DATE NOT NULL, 
	end_date DATE, 
	replaces_id INTEGER, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT role_allowed CHECK (role IN ('chair', 'vice-chair', 'member', 'independent-member', 'co-opted', 'officer', 'guest')), 
	CONSTRAINT dates_in_order CHECK (end_date IS NULL OR end_date >= start_date), 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE RESTRICT, 
	FOREIGN KEY(body_id) REFERENCES body (id) ON DELETE CASCADE, 
	FOREIGN KEY(replaces_id) REFERENCES membership (id) ON DELETE SET NULL
);

CREATE INDEX ix_membership_body_dates ON membership (body_id, start_date, end_date);

CREATE TABLE agendaitem (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	body_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	number VARCHAR NOT NULL, 
	title VARCHAR NOT NULL, 
	description VARCHAR NOT NULL, 
	papers VARCHAR NOT NULL, 
	approximate_time TIME, 
	presenter VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	exempt BOOLEAN NOT NULL, 
	exempt_reason VARCHAR NOT NULL, 
	recorded_vote_required BOOLEAN NOT NULL, 
	state VARCHAR NOT NULL, 
	actual_start DATETIME, 
	actual_end DATETIME, 
	minute_number INTEGER, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_item_position UNIQUE (meeting_id, position), 
	CONSTRAINT uq_body_minute_number UNIQUE (body_id, minute_number), 
	FOREIGN KEY(meeting_id, body_id) REFERENCES meeting (id, body_id) ON DELETE CASCADE, 
	CONSTRAINT papers_allowed CHECK (papers IN ('none', 'Attached', 'To Follow', 'Tabled')), 
	CONSTRAINT kind_allowed CHECK (kind IN ('notice-of-recording', 'apologies', 'membership', 'declarations', 'previous-minutes', 'public-questions', 'report', 'update', 'urgent-business', 'work-programme', 'other')), 
	CONSTRAINT state_allowed CHECK (state IN ('pending', 'running', 'taken', 'deferred', 'withdrawn')), 
	CONSTRAINT position_not_negative CHECK (position >= 0), 
	CONSTRAINT minute_positive CHECK (minute_number IS NULL OR minute_number >= 1), 
	CONSTRAINT item_times_in_order CHECK (actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start), 
	CONSTRAINT title_not_blank CHECK (length(trim(title)) > 0)
);

CREATE INDEX ix_agendaitem_meeting_id ON agendaitem (meeting_id);

CREATE TABLE auditevent (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	meeting_id INTEGER, 
	entity VARCHAR NOT NULL, 
	entity_id INTEGER NOT NULL, 
	op VARCHAR NOT NULL, 
	"before" VARCHAR, 
	"after" VARCHAR, 
	summary VARCHAR NOT NULL, 
	undone BOOLEAN NOT NULL, 
	group_id INTEGER, 
	PRIMARY KEY (id), 
	CONSTRAINT op_allowed CHECK (op IN ('create', 'update', 'delete')), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE SET NULL
);

CREATE INDEX ix_audit_meeting ON auditevent (meeting_id, id);

CREATE TABLE attendance (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	capacity VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	represents VARCHAR NOT NULL, 
	role_text VARCHAR NOT NULL, 
	voting BOOLEAN NOT NULL, 
	substitute_for_id INTEGER, 
	arrived_at DATETIME, 
	arrived_item_id INTEGER, 
	left_at DATETIME, 
	left_item_id INTEGER, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_attendance_person UNIQUE (meeting_id, person_id), 
	CONSTRAINT capacity_allowed CHECK (capacity IN ('member', 'substitute', 'officer', 'guest')), 
	CONSTRAINT status_allowed CHECK (status IN ('present', 'apologies', 'absent')), 
	CONSTRAINT arrival_before_departure CHECK (left_at IS NULL OR arrived_at IS NULL OR left_at >= arrived_at), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE RESTRICT, 
	FOREIGN KEY(substitute_for_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(arrived_item_id) REFERENCES agendaitem (id) ON DELETE SET NULL, 
	FOREIGN KEY(left_item_id) REFERENCES agendaitem (id) ON DELETE SET NULL
);

CREATE INDEX ix_attendance_meeting_id ON attendance (meeting_id);

CREATE TABLE declaration (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	item_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	nature VARCHAR NOT NULL, 
	action VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT kind_allowed CHECK (kind IN ('disclosable-pecuniary', 'other-registrable', 'non-registrable', 'other')), 
	CONSTRAINT action_allowed CHECK (action IN ('left-room', 'stayed-did-not-vote', 'dispensation', 'spoke-and-voted')), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	FOREIGN KEY(item_id) REFERENCES agendaitem (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE RESTRICT
);

CREATE INDEX ix_declaration_item_id ON declaration (item_id);

CREATE INDEX ix_declaration_meeting_id ON declaration (meeting_id);

CREATE TABLE minutenote (
	id INTEGER NOT NULL, 
	item_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	text VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT kind_allowed CHECK (kind IN ('paragraph', 'bullet')), 
	CONSTRAINT position_not_negative CHECK (position >= 0), 
	FOREIGN KEY(item_id) REFERENCES agendaitem (id) ON DELETE CASCADE
);

CREATE INDEX ix_minutenote_item_id ON minutenote (item_id);

CREATE TABLE vote (
	id INTEGER NOT NULL, 
	item_id INTEGER NOT NULL, 
	motion VARCHAR NOT NULL, 
	method VARCHAR NOT NULL, 
	majority VARCHAR NOT NULL, 
	for_count INTEGER NOT NULL, 
	against_count INTEGER NOT NULL, 
	abstentions INTEGER NOT NULL, 
	present INTEGER NOT NULL, 
	membership INTEGER NOT NULL, 
	casting_vote VARCHAR, 
	carried BOOLEAN NOT NULL, 
	outcome_text VARCHAR NOT NULL, 
	inquorate BOOLEAN NOT NULL, 
	recorded_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT method_allowed CHECK (method IN ('show-of-hands', 'recorded')), 
	CONSTRAINT majority_allowed CHECK (majority IN ('simple', 'two-thirds-voting', 'two-thirds-membership', 'unanimous')), 
	CONSTRAINT casting_vote_allowed CHECK (casting_vote IS NULL OR casting_vote IN ('for', 'against')), 
	CONSTRAINT for_count_not_negative CHECK (for_count >= 0), 
	CONSTRAINT against_count_not_negative CHECK (against_count >= 0), 
	CONSTRAINT abstentions_not_negative CHECK (abstentions >= 0), 
	CONSTRAINT present_not_negative CHECK (present >= 0), 
	CONSTRAINT votes_within_present CHECK (for_count + against_count + abstentions <= present), 
	CONSTRAINT present_within_membership CHECK (present <= membership), 
	FOREIGN KEY(item_id) REFERENCES agendaitem (id) ON DELETE CASCADE
);

CREATE INDEX ix_vote_item_id ON vote (item_id);

CREATE TABLE personvote (
	id INTEGER NOT NULL, 
	vote_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	choice VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_person_vote UNIQUE (vote_id, person_id), 
	CONSTRAINT choice_allowed CHECK (choice IN ('for', 'against', 'abstain', 'did-not-vote')), 
	FOREIGN KEY(vote_id) REFERENCES vote (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE RESTRICT
);

CREATE INDEX ix_personvote_vote_id ON personvote (vote_id);

CREATE TABLE resolution (
	id INTEGER NOT NULL, 
	item_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	text VARCHAR NOT NULL, 
	parent_id INTEGER, 
	vote_id INTEGER, 
	noted BOOLEAN NOT NULL, 
	confirms_minutes_of_id INTEGER, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT position_not_negative CHECK (position >= 0), 
	FOREIGN KEY(item_id) REFERENCES agendaitem (id) ON DELETE CASCADE, 
	FOREIGN KEY(parent_id) REFERENCES resolution (id) ON DELETE CASCADE, 
	FOREIGN KEY(vote_id) REFERENCES vote (id) ON DELETE SET NULL, 
	FOREIGN KEY(confirms_minutes_of_id) REFERENCES meeting (id) ON DELETE SET NULL
);

CREATE INDEX ix_resolution_item_id ON resolution (item_id);

CREATE TABLE action (
	id INTEGER NOT NULL, 
	body_id INTEGER NOT NULL, 
	meeting_id INTEGER, 
	item_id INTEGER, 
	resolution_id INTEGER, 
	minute_number INTEGER, 
	source_date DATE, 
	text VARCHAR NOT NULL, 
	owner VARCHAR NOT NULL, 
	due VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	latest_update VARCHAR NOT NULL, 
	completed_on DATE, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT status_allowed CHECK (status IN ('outstanding', 'completed')), 
	CONSTRAINT action_minute CHECK (minute_number IS NULL OR minute_number >= 1), 
	CONSTRAINT action_text_not_blank CHECK (length(trim(text)) > 0), 
	FOREIGN KEY(body_id) REFERENCES body (id) ON DELETE CASCADE, 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE SET NULL, 
	FOREIGN KEY(item_id) REFERENCES agendaitem (id) ON DELETE SET NULL, 
	FOREIGN KEY(resolution_id) REFERENCES resolution (id) ON DELETE SET NULL
);

CREATE INDEX ix_action_body_status ON action (body_id, status);

CREATE TABLE actionupdate (
	id INTEGER NOT NULL, 
	action_id INTEGER NOT NULL, 
	date DATE NOT NULL, 
	meeting_id INTEGER, 
	text VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(action_id) REFERENCES action (id) ON DELETE CASCADE, 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE SET NULL
);

CREATE INDEX ix_actionupdate_action_id ON actionupdate (action_id);