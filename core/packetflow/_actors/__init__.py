"""Stateful capability actors (SPEC 4.1): declaration, cells, mailboxes and stores."""
