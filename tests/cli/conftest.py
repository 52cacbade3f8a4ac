"""A small content folder that the CLI tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLES = {
    "2025/05/solar-kite.md": """---
title: "Solar Kite Sets Altitude Record"
pubDatetime: 2025-05-02T09:30:00+02:00
description: "A tethered kite stays aloft for a week."
tags: ["space", "energy"]
---
The kite carried a small turbine.

**Source:** [Orbital Wire](https://orbital.example/kite)
""",
    "2025/06/kitchen-robots.md": """---
title: "Kitchen Robots Kick Off Trade Show Season"
pubDatetime: 2025-06-10
description: "Robot arms that fold dumplings."
tags: ["robotics", "AI"]
---
A booth full of robot arms that knead dough and flip pancakes.
""",
    "2025/07/chip-deal.md": """---
title: "Chipmaker and Lab Team Up on Rack Hardware"
pubDatetime: 2025-07-21T04:00:30.610Z
description: "Racks for model training."
tags: ["AI", "chips"]
---
The racks use liquid cooling and a new interconnect called marmalade.

**Source:** [The Circuit Ledger](https://ledger.example/racks)
""",
    "2025/08/draft-note.md": """---
title: "Unfinished Draft"
pubDatetime: 2025-08-01
tags: ["AI"]
draft: true
---
Not ready.
""",
    "broken.md": "---\ntitle: [unclosed\n---\nBody\n",
}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    for relative, text in ARTICLES.items():
        file = root / relative
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    return root
