"""Reference taxonomies: jurisdictions, IP and dispute types, Nice, IPC, industries."""
