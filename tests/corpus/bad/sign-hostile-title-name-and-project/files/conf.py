+
# Signposting links are absolute: a test address.
html_baseurl = "https://archive.test/"
project = "Archive <link rel=\"author\" href=\"x\"> & &amp; \"quoted\" ]]> : - # {not: yaml}"
archive_license = "CC-BY-4.0"
