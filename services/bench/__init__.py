"""`counterclaim bench`: extraction, a naive Faust pass-through and the full pipeline, one run."""
