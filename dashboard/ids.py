"""Every component id in the dashboard, in one place, so tests and callbacks cannot drift apart.

A chart's graph and caption ids are its registry id (dashboard.charts) plus "-graph" and
"-caption"; dashboard.components builds them that way and a unit test checks they are here.
"""

# Shell
PAGE_CONTENT = "_pages_content"  # Dash pages' own container (dash.page_container)
URL = "url"
MAIN = "main-content"  # the page's main landmark, target of the skip link
NAVBAR = "navbar"
NAVBAR_TOGGLER = "navbar-toggler"
NAVBAR_MENU = "navbar-menu"
FOOTER = "data-vintage"
VIEW_WARNINGS = "view-warnings"

# Chart export (dashboard.export.menu): pattern-matching id types, {"type", "chart", ...}
EXPORT_MENU = "export-menu"
EXPORT_LINK = "export-link"

# Overview
OVERVIEW_CARDS = "overview-cards"
CARD_MEDIAN = "card-median"
CARD_RANGE = "card-range"
CARD_GROWTH = "card-growth"
CARD_OPENINGS = "card-openings"
CARD_EMPLOYMENT = "card-employment"
OVERVIEW_OFFICIAL_CARDS = "overview-official-cards"
CARD_OFFICIAL_PAY = "card-official-pay"
CARD_OFFICIAL_EMPLOYMENT = "card-official-employment"
CARD_OFFICIAL_GROWTH = "card-official-growth"
CARD_OFFICIAL_OPENINGS = "card-official-openings"

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
EMPLOYERS_SECTOR = "employers-sector"
EMPLOYERS_SECTOR_GRAPH = "employers-sector-graph"
EMPLOYERS_SECTOR_CAPTION = "employers-sector-caption"

# Countries
COUNTRIES_BASIS = "countries-basis"
COUNTRIES_TABLE = "countries-table"
COUNTRIES_TABLE_HOLDER = "countries-table-holder"  # where the table waits (components.deferred)
COUNTRIES_RANGE = "countries-range"
COUNTRIES_RANGE_GRAPH = "countries-range-graph"
COUNTRIES_RANGE_CAPTION = "countries-range-caption"
COUNTRIES_MAP = "countries-map"
COUNTRIES_MAP_GRAPH = "countries-map-graph"
COUNTRIES_MAP_CAPTION = "countries-map-caption"
COUNTRIES_STATES_LINK = "countries-states-link"

# US states (a sub-page of countries)
STATES_MAP = "states-map"
STATES_MAP_GRAPH = "states-map-graph"
STATES_MAP_CAPTION = "states-map-caption"
STATES_TABLE = "states-table"
STATES_TERRITORIES = "states-territories"

# Related careers
CAREERS_PAY = "careers-pay"
CAREERS_PAY_GRAPH = "careers-pay-graph"
CAREERS_PAY_CAPTION = "careers-pay-caption"
CAREERS_JOBS = "careers-jobs"
CAREERS_JOBS_GRAPH = "careers-jobs-graph"
CAREERS_JOBS_CAPTION = "careers-jobs-caption"
CAREERS_TABLE = "careers-table"
CAREERS_OCCUPATIONS = "careers-occupations"
CAREERS_OPTIONS = "careers-options"  # every occupation: what the picker's search looks through
CAREERS_SEARCH = "careers-search"
CAREERS_MATCHES = "careers-matches"

# Pay over time
OVER_TIME_PAY = "over-time-pay"
OVER_TIME_PAY_GRAPH = "over-time-pay-graph"
OVER_TIME_PAY_CAPTION = "over-time-pay-caption"
OVER_TIME_NOTE = "over-time-note"
OVER_TIME_TABLE = "over-time-table"
OVER_TIME_DOLLARS = "over-time-dollars"

# Outlook
OUTLOOK_SOURCES = "outlook-sources"
OUTLOOK_TABLE = "outlook-table"
OUTLOOK_NOTES = "outlook-notes"
OUTLOOK_VINTAGE_NOTES = "outlook-vintage-notes"
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
DATA_DOWNLOAD_ALL = "data-download-all"

# Local pay: the states page's dollars toggle and its ranked tables (rewritten together)
STATES_DOLLARS = "states-dollars"
STATES_TABLES = "states-tables"
STATES_FILE_NOTE = "states-file-note"

# Pay by metro area (/countries/metros)
METROS_PAY = "metros-pay"
METROS_PAY_GRAPH = "metros-pay-graph"
METROS_PAY_CAPTION = "metros-pay-caption"
METROS_STATE = "metros-state"
METROS_TABLES = "metros-tables"
METROS_LINK = "metros-link"

# The offer check (/offer)
OFFER_FORM = "offer-form"
OFFER_SALARY = "offer-salary"
OFFER_PERIOD = "offer-period"
OFFER_STATE = "offer-state"
OFFER_SETTING = "offer-setting"
OFFER_YEARS = "offer-years"
OFFER_SUBMIT = "offer-submit"
OFFER_ANSWER = "offer-answer"
OFFER_ERROR = "offer-error"
OFFER_PDF = "offer-pdf"
OFFER_LINK = "offer-link"
OFFER_BUYS = "offer-buys"
OFFER_BUYS_GRAPH = "offer-buys-graph"
OFFER_BUYS_CAPTION = "offer-buys-caption"
OFFER_BUYS_TABLE = "offer-buys-ranked"  # not table_id(OFFER_BUYS): the alt table has that
OVERVIEW_SINCE_QUOTED = "overview-since-quoted"

# The OEWS release a page's single-release figures show (?release=2019)
OVERVIEW_RELEASE = "overview-release"
OVERVIEW_OFFICIAL = "overview-official"
EMPLOYERS_RELEASE = "employers-release"
CAREERS_RELEASE = "careers-release"
STATES_RELEASE = "states-release"
PAY_RELEASE = "pay-release"
