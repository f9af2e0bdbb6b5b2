"""marshmallow schemas: the public contract and the source of openapi.yaml."""
