"""Rule packs: YAML data validated strictly, compiled to spaCy token patterns."""

from tipcheck.rulepack.loader import Pack, Rule, builtin_dir, load_packs

__all__ = ["Pack", "Rule", "builtin_dir", "load_packs"]
