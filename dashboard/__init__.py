"""The Dash dashboard for Clinical Medical Assistant pay and jobs; see dashboard.app."""
