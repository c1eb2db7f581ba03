"""The Council power / stats / plots layer."""
