+
# The OAI-PMH file needs an address: a test one (the corpus checks data/oai.xml).
archive_oai_admin_email = "archives@example.org"
html_baseurl = "https://archive.test/"
