DROP TABLE panel_ranks;
DROP TABLE panels;
DROP TABLE kpi_values;
DROP TABLE kpis;
