"""Many LAs' workbooks at once: collect, summarise, themes, the Word synthesis."""
