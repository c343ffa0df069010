from sohoi.directives.intake import _mb


def test_a_file_just_over_the_limit_is_not_shown_as_the_limit():
    assert _mb(int(10.5 * 1024 * 1024)) == "10,5 MB"
    assert _mb(10 * 1024 * 1024) == "10 MB"
    assert _mb(2048) == "2 KB"
