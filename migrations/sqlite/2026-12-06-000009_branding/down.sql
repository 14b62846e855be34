DROP TABLE report_brandings;
