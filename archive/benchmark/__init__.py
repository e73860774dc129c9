"""The benchmark behind `manage.py benchmark`: a synthetic archive shaped like the real corpus."""
