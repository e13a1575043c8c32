"""Word lists shared by several stages (calendar words, titles); see ``sitrep.lexicons``."""
