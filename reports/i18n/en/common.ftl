# Dates and the names of the languages, shared by the reports and the pages.
# Variables: $day, $month (one of the month names below), $year.

date-long = { $day } { $month } { $year }
date-short = { $day } { $month } { $year }
date-month = { $month } { $year }

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec

# Each language by its own name, for choosing one.
language-en = English
language-de = Deutsch
language-fr = Français
