"""What people asked and how the FAQ did: the moderators' report and alias suggestions.

``build_report`` (in ``build``) gathers the figures from the stores; ``render_markdown`` and
``render_html`` show them; ``render_alias_yaml`` prints the suggested aliases as YAML to paste
into ``faq.yaml``. ``commands.register`` adds ``faq-bot report`` and ``faq-bot suggest``.
"""
