"""Shipped, checked content of the information service (country profiles with their facts).

Each jurisdiction module holds one `PROFILE` dict; `loader.load_country_profiles` writes them.
"""
