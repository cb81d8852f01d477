"""Speech for the app: spoken-form previews, station abbreviations, synthesis wiring."""
