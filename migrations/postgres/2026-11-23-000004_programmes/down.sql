DROP TABLE project_dependencies;
DROP TABLE milestones;
DROP TABLE projects;
DROP TABLE programmes;
