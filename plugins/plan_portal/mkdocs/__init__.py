"""The thin MkDocs adapter: wires the core into MkDocs' events. Nothing else imports MkDocs."""
