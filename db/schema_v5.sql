CREATE TABLE bodytemplate (
	id INTEGER NOT NULL, 
	body_id INTEGER NOT NULL, 
	file_name VARCHAR NOT NULL, 
	data BLOB NOT NULL, 
	size INTEGER NOT NULL, 
	set_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT size_not_negative CHECK (size >= 0), 
	CONSTRAINT file_name_not_blank CHECK (length(trim(file_name)) > 0), 
	UNIQUE (body_id), 
	FOREIGN KEY(body_id) REFERENCES body (id) ON DELETE RESTRICT
);
