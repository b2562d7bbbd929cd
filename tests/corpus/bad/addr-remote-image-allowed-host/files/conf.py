+archive_image_hosts = ["images.example.org"]
