"""Demo content for `manage.py load_demo`: the stories and their illustrations."""
