"""From the official letter to a draft: read a .docx or .pdf and find its title, number and date."""
