-- Names of concept items are unique per municipality regardless of case; the service checks first for
-- a friendly message, these indexes hold under concurrent creates.
CREATE UNIQUE INDEX dimension_name ON dimension (municipality_id, lower(name));
CREATE UNIQUE INDEX action_field_name ON action_field (municipality_id, lower(name));
CREATE UNIQUE INDEX goal_title ON goal (municipality_id, lower(title));
CREATE UNIQUE INDEX district_name ON district (municipality_id, lower(name));
CREATE UNIQUE INDEX department_name ON department (municipality_id, lower(name));
