+html_theme_options = {"icon_links": [{"name": "Dépôt", "url": "javascript:alert(1)", "icon": "fa-brands fa-github"}]}
