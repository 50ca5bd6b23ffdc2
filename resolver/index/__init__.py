"""The compact alias index (:mod:`~resolver.index.aliases`) and the one ranking loop over it
(:mod:`~resolver.index.ranking`): keys -> candidates -> scored, ranked matches."""

__all__: list[str] = []
