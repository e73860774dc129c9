"""Admin upload of transcripts (upload, preview, confirm) and the admin's maintenance actions."""
