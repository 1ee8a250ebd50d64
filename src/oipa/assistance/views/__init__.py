"""Views of guidance applications, by side: enterprise.py, staff.py, documents.py."""
