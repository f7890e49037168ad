"""How the reader corpus was split into dev/ and test/ (run once, before any file was scored).

Stratified by format (flattened text, pipe text, tab text, HTML, XLSX, DOCX) plus one stratum for the
two cut (truncated) files, so each half holds about half of every kind. Within a stratum the names are
sorted, shuffled with a fixed seed, and the first half (rounded up for every other odd stratum, to keep
the halves even) goes to dev. Printing the split is all this script does: the directories were filled by
hand from its output, and the split never changes afterwards (README.md lists it).
"""

import random

SEED = 20240917

STRATA = {
    "flat": [
        "flat_county_h1_leaders.txt",
        "flat_city_minsheng_1to11.txt",
        "flat_district_printed_twice.txt",
        "flat_district_q3_leader_groups.txt",
        "flat_city_attachments_1to7.txt",
        "flat_town_q2_sections.txt",
        "flat_county_q1_spaced_header.txt",
    ],
    "pipe": [
        "pipe_minsheng_cell_per_line.txt",
        "pipe_rows_group_first_row.txt",
        "pipe_rows_full.txt",
        "pipe_rows_target_rate.txt",
    ],
    "tab": [
        "tab_excel_indicators_1to8.txt",
        "tab_excel_quoted_multiline.txt",
        "tab_browser_group_first_row.txt",
        "tab_leaders_participants.txt",
    ],
    "html": [
        "html_minsheng_two_row_header.html",
        "html_two_tables_captions.html",
        "html_br_headers_rowspan.html",
        "html_full_page_group_rows.html",
        "html_rowspan_shared_department.html",
        "html_status_progress_percent.html",
    ],
    "xlsx": [
        "xlsx_merged_theme_lead.xlsx",
        "xlsx_numeric_percent_format.xlsx",
        "xlsx_notes_sheet_two_row_header.xlsx",
        "xlsx_leader_group_rows.xlsx",
    ],
    "docx": [
        "docx_header_two_paragraphs.docx",
        "docx_table_split_pages.docx",
        "docx_department_lead_co_sections.docx",
        "docx_leader_and_responsible_cols.docx",
    ],
    "cut": [
        "flat_county_cut.txt",
        "tab_excel_cut.txt",
    ],
}


def split() -> dict[str, list[str]]:
    rng = random.Random(SEED)
    halves: dict[str, list[str]] = {"dev": [], "test": []}
    odd_seen = 0
    for stratum in sorted(STRATA):
        names = sorted(STRATA[stratum])
        rng.shuffle(names)
        n_dev = len(names) // 2
        if len(names) % 2:
            n_dev += 1 if odd_seen % 2 == 0 else 0
            odd_seen += 1
        halves["dev"] += names[:n_dev]
        halves["test"] += names[n_dev:]
    return halves


if __name__ == "__main__":
    for half, names in split().items():
        print(f"{half} ({len(names)}):")
        for name in sorted(names):
            print(f"  {name}")
