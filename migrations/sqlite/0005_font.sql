-- How a member's phone shows Burmese: NULL (not known: Unicode), 'Unicode' or 'Zawgyi'.
ALTER TABLE members ADD COLUMN font TEXT;
