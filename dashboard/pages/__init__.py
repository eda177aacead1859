"""One module per page; Dash pages imports each and calls its `layout(**query)`."""
