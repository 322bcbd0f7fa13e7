"""`counterclaim evaluate`: score the pipeline on labelled articles (see command.py)."""
