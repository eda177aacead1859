"""Every component id in the dashboard, in one place, so tests and callbacks cannot drift apart.

A chart's graph and caption ids are its registry id (dashboard.charts) plus "-graph" and
"-caption"; dashboard.components builds them that way and a unit test checks they are here.
"""

# Shell
URL = "url"
NAVBAR = "navbar"
FOOTER = "data-vintage"
VIEW_WARNINGS = "view-warnings"

# Overview
OVERVIEW_CARDS = "overview-cards"
CARD_MEDIAN = "card-median"
CARD_RANGE = "card-range"
CARD_GROWTH = "card-growth"
CARD_OPENINGS = "card-openings"
CARD_EMPLOYMENT = "card-employment"

# Experience
EXPERIENCE_STAT = "experience-stat"
EXPERIENCE_STEPS = "experience-steps"
EXPERIENCE_PAY = "experience-pay"
EXPERIENCE_PAY_GRAPH = "experience-pay-graph"
EXPERIENCE_PAY_CAPTION = "experience-pay-caption"

# Employers
EMPLOYERS_SOURCES = "employers-sources"
EMPLOYERS_PAY = "employers-pay"
EMPLOYERS_PAY_GRAPH = "employers-pay-graph"
EMPLOYERS_PAY_CAPTION = "employers-pay-caption"
EMPLOYERS_RANK = "employers-rank"
EMPLOYERS_RANK_GRAPH = "employers-rank-graph"
EMPLOYERS_RANK_CAPTION = "employers-rank-caption"

# Countries
COUNTRIES_BASIS = "countries-basis"
COUNTRIES_TABLE = "countries-table"
COUNTRIES_RANGE = "countries-range"
COUNTRIES_RANGE_GRAPH = "countries-range-graph"
COUNTRIES_RANGE_CAPTION = "countries-range-caption"
COUNTRIES_MAP = "countries-map"
COUNTRIES_MAP_GRAPH = "countries-map-graph"
COUNTRIES_MAP_CAPTION = "countries-map-caption"

# Outlook
OUTLOOK_SOURCES = "outlook-sources"
OUTLOOK_TABLE = "outlook-table"
OUTLOOK_NOTES = "outlook-notes"
OUTLOOK_VINTAGES = "outlook-vintages"
OUTLOOK_VINTAGES_GRAPH = "outlook-vintages-graph"
OUTLOOK_VINTAGES_CAPTION = "outlook-vintages-caption"

# Pay distribution
PAY_SOURCES = "pay-sources"
PAY_SALARY = "pay-salary"
PAY_PLACEMENT = "pay-placement"
PAY_DISTRIBUTION = "pay-distribution"
PAY_DISTRIBUTION_GRAPH = "pay-distribution-graph"
PAY_DISTRIBUTION_CAPTION = "pay-distribution-caption"

# Education
EDUCATION_SOURCES = "education-sources"
EDUCATION_DURATION = "education-duration"
EDUCATION_DURATION_GRAPH = "education-duration-graph"
EDUCATION_DURATION_CAPTION = "education-duration-caption"
EDUCATION_COST = "education-cost"
EDUCATION_COST_GRAPH = "education-cost-graph"
EDUCATION_COST_CAPTION = "education-cost-caption"
EDUCATION_COST_MONTHS = "education-cost-months"
EDUCATION_COST_MONTHS_GRAPH = "education-cost-months-graph"
EDUCATION_COST_MONTHS_CAPTION = "education-cost-months-caption"

# Data & sources
DATA_SEARCH = "data-search"
DATA_OBSERVATIONS = "data-observations"
DATA_SOURCES = "data-sources"
DATA_DISCREPANCIES = "discrepancies"
DATA_DISCREPANCIES_GRID = "data-discrepancies"
DATA_DOWNLOAD_BUTTON = "data-download-button"
DATA_DOWNLOAD = "data-download"
