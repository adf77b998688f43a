"""One module of intents per area; each ``handle(clause, state) -> bool`` plans what it understands."""
