"""Pure normalization helpers: money and PPP, periods, canonical category keys."""
