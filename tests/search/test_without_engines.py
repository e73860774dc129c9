"""With SEARCH_URL=elasticsearch7://…, the archive loads without Whoosh or tantivy installed.

Searching Elasticsearch also needs its client (pip install "elasticsearch>=7,<8"), which the
project does not ship; this checks that nothing outside the two backends needs either engine.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import importlib, importlib.abc, os, sys

class NotInstalled(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in {"whoosh", "tantivy"}:
            raise ModuleNotFoundError(f"No module named {name!r} (not installed here)")

sys.meta_path.insert(0, NotInstalled())
os.environ["SEARCH_URL"] = "elasticsearch7://127.0.0.1:9/archive"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
import django
django.setup()
from pathlib import Path
skipped = ("archive.search.engines.tantivy", "archive.search.engines.whoosh")
names = []
for path in sorted(Path("archive").rglob("*.py")):
    name = ".".join(path.with_suffix("").parts).removesuffix(".__init__")
    if not name.startswith(skipped):
        importlib.import_module(name)
        names.append(name)
from django.core.management import call_command
call_command("check")
print(len(names), "modules imported;", "whoosh" in sys.modules, "tantivy" in sys.modules)
"""


def test_every_module_outside_the_backends_imports_without_either_engine(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_ENV": "test",
            "HOME": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "PYTHONPATH": str(ROOT),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    count, rest = done.stdout.strip().splitlines()[-1].split(" modules imported; ")
    assert "System check identified no issues" in done.stdout
    assert int(count) > 80 and rest == "False False"
