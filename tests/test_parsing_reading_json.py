"""A stored reading (parse_report JSON) loads back as the same ParsedReport: revisions apply it without reading the file again."""

from tracker.parsing import parsed_report_from_json


def test_a_reading_survives_the_round_trip_through_json(parsed_2022, parsed_2020):
    for parsed in (parsed_2022, parsed_2020):
        assert parsed_report_from_json(parsed.to_json()).to_json() == parsed.to_json()


def test_fields_it_does_not_know_are_ignored_and_missing_ones_defaulted(parsed_2022):
    data = parsed_2022.to_json()
    data["report"]["from_a_newer_parser"] = 1
    del data["tasks"][0]["target_text"]

    loaded = parsed_report_from_json(data)

    assert loaded.tasks[0].target_text == ""
    assert loaded.meta.title == parsed_2022.meta.title
