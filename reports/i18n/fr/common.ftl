# Les dates et les noms des langues, communs aux rapports et aux pages.
# Variables : $day, $month (l'un des noms de mois ci-dessous), $year.

date-long = { $day } { $month } { $year }
date-short = { $day } { $month } { $year }
date-month = { $month } { $year }

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

month-short-1 = janv.
month-short-2 = févr.
month-short-3 = mars
month-short-4 = avr.
month-short-5 = mai
month-short-6 = juin
month-short-7 = juil.
month-short-8 = août
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = déc.

language-en = English
language-de = Deutsch
language-fr = Français
