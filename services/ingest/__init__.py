"""`counterclaim ingest`: RSS/Atom feeds and web pages -> Article records on the articles topic.

Pure core (config, urls, identity, policy, robots, items, pages, mapping) with thin adapters
(http, kafka, ingester, service) around it.
"""
