"""``timeline draft --into`` the very file given as --data: checked once, not read twice against itself."""
from __future__ import annotations

from conftest import SEED

from timeline.dataset import load


def test_drafting_into_the_data_file_itself(run, tmp_path):
    article, data = tmp_path / "a.txt", tmp_path / "record.yaml"
    article.write_text("Putin met Witkoff in Moscow on Tuesday.\n", encoding="utf-8")
    data.write_bytes(SEED.read_bytes())
    result = run("draft", str(article), "--published", "2025-12-03", "--into", str(data), data=data)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (f"{article}: 1 events drafted, 0 new actors proposed; wrote {data} (every event "
                             "draft: true until reviewed)\n")
    written = iter(data.read_text(encoding="utf-8").splitlines())
    assert all(line in written for line in SEED.read_text(encoding="utf-8").splitlines())  # every line kept, in order
    assert [e.id for e in load(data).drafts] == ["article-2025-12-03-putin-meeting"]
