+archive_site_url = "javascript:alert(1)//"
