"""One module per chapter: the figures, tables and chart data the chapter shows, as named values and DataFrames."""
