"""The README's "Jobs" example runs as written, against the freshly generated billing SDK."""

from __future__ import annotations

import re
import textwrap
from typing import Any

from tests.conftest import PROJECT_ROOT

from .conftest import GeneratedSdks


def readme_example(section: str) -> str:
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    body = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    (code,) = re.findall(r"```python excerpt\n(.*?)```", body, flags=re.DOTALL)
    return str(code)


async def test_the_readme_jobs_example_runs_as_written(generated: GeneratedSdks) -> None:
    code = readme_example("Jobs")
    assert "service.jobs.charge_refund.create" in code
    namespace: dict[str, Any] = {}
    exec(  # the example uses top-level await: run it as the body of a coroutine
        "async def example():\n" + textwrap.indent(code, "    ") + "\n    return done\n",
        namespace,
    )
    done = await namespace["example"]()
    assert done.state == "completed" and done.tries == 1
    assert done.result.providerReference == f"psp-{done.id[:8]}"
    assert done.progress.step == "capture"
