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
	timing VARCHAR DEFAULT 'live' NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT status_allowed CHECK (status IN ('planned', 'live', 'closed')), 
	CONSTRAINT minutes_status_allowed CHECK (minutes_status IN ('draft', 'approved', 'signed')), 
	CONSTRAINT timing_allowed CHECK (timing IN ('live', 'after-the-event')), 
	CONSTRAINT uq_meeting_id_body UNIQUE (id, body_id), 
	CONSTRAINT times_in_order CHECK (actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start), 
	FOREIGN KEY(body_id) REFERENCES body (id) ON DELETE RESTRICT, 
	FOREIGN KEY(chair_person_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(approved_at_meeting_id) REFERENCES meeting (id) ON DELETE SET NULL, 
	FOREIGN KEY(previous_meeting_id) REFERENCES meeting (id) ON DELETE SET NULL
);

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
	position INTEGER DEFAULT '0' NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_attendance_person UNIQUE (meeting_id, person_id), 
	CONSTRAINT capacity_allowed CHECK (capacity IN ('member', 'substitute', 'officer', 'guest')), 
	CONSTRAINT status_allowed CHECK (status IN ('present', 'apologies', 'absent')), 
	CONSTRAINT arrival_before_departure CHECK (left_at IS NULL OR arrived_at IS NULL OR left_at >= arrived_at), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE RESTRICT, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE RESTRICT, 
	FOREIGN KEY(substitute_for_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(arrived_item_id) REFERENCES agendaitem (id) ON DELETE SET NULL, 
	FOREIGN KEY(left_item_id) REFERENCES agendaitem (id) ON DELETE SET NULL
);

CREATE TABLE minutesentence (
	id INTEGER NOT NULL, 
	item_id INTEGER NOT NULL, 
	source VARCHAR NOT NULL, 
	text VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_sentence_source UNIQUE (item_id, source), 
	CONSTRAINT source_not_blank CHECK (length(trim(source)) > 0), 
	FOREIGN KEY(item_id) REFERENCES agendaitem (id) ON DELETE RESTRICT
);

CREATE TABLE sentencestyle (
	id INTEGER NOT NULL, 
	body_id INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	wording VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_style_kind UNIQUE (body_id, kind), 
	CONSTRAINT kind_not_blank CHECK (length(trim(kind)) > 0), 
	FOREIGN KEY(body_id) REFERENCES body (id) ON DELETE RESTRICT
);

