"""One run of the HTML checker over several sites: each message is reported by the site of its page."""

from __future__ import annotations

from book.checks import validator


def test_a_message_goes_to_the_site_of_its_page_and_one_about_no_page_to_every_site(tmp_path):
    online, offline = tmp_path / "site", tmp_path / "offline"
    page = {"url": (offline / "part-1" / "1-1.html").as_uri(), "type": "error"}
    general = {"type": "non-document-error", "message": "IO error"}
    assert not validator._within(page, online) and validator._within(page, offline)
    assert validator._within(general, online) and validator._within(general, offline)


def test_a_site_without_pages_says_so_without_running_the_checker(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (error,) = validator.validate_sites([empty], tmp_path)[empty]
    assert "no HTML pages to check" in str(error) and "make build" in str(error)
