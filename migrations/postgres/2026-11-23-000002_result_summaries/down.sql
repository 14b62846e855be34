DROP TABLE result_summaries;
