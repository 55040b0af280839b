"""Working with partners: share a copy, diff two copies, merge an edited copy back."""
