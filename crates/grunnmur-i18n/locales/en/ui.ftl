# The web application (server-rendered pages).
