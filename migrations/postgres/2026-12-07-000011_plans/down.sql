DROP TABLE actions;
DROP TABLE targets;
DROP TABLE target_sets;
